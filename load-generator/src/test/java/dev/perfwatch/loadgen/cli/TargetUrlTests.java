package dev.perfwatch.loadgen.cli;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetUrlTests {

	@Test
	void prefersTheArgumentOverTheEnvironment() {
		assertThat(TargetUrl.resolve("http://127.0.0.1:8081/api/data", "http://elsewhere/"))
			.isEqualTo(URI.create("http://127.0.0.1:8081/api/data"));
	}

	@Test
	void fallsBackToFrontendUrl() {
		assertThat(TargetUrl.resolve(null, "https://frontend-abc.a.run.app/"))
			.isEqualTo(URI.create("https://frontend-abc.a.run.app/"));
	}

	@Test
	void rejectsMissingAndMalformedUrls() {
		assertThatThrownBy(() -> TargetUrl.resolve(null, null)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("FRONTEND_URL");
		assertThatThrownBy(() -> TargetUrl.resolve("${FRONTEND_URL}", null)).isInstanceOf(BadInputException.class)
			.hasMessageStartingWith("malformed URL '${FRONTEND_URL}'");
		assertThatThrownBy(() -> TargetUrl.resolve("ftp://host/", null)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("http:// or https://");
		assertThatThrownBy(() -> TargetUrl.resolve("http:///nohost", null)).isInstanceOf(BadInputException.class);
	}

}
