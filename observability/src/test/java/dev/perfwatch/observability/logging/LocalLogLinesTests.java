package dev.perfwatch.observability.logging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the gcp profile log lines stay plain text, and a line logged while serving a request
 * names the request's trace and span. Failed requests log a line; fast ones do not.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalLogLinesTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	/**
	 * Boot's logging system copies the structured format into a system property and keeps it; a
	 * gcp-profile test earlier in this JVM would otherwise make these lines JSON too.
	 */
	@BeforeEach
	void forgetEarlierStructuredFormat() {
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
	}

	@Test
	void plainLinesCarryTheTraceAndSpanIds(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FailingApp.class)
			.run("--server.port=0", "--perfwatch.service.name=test",
					"--management.tracing.export.zipkin.enabled=false")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/boom"))
				.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpClient http = HttpClient.newHttpClient();
			assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
			HttpRequest fast = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ok")).build();
			assertThat(http.send(fast, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}

		String line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.contains("Unexpected error on /boom"))
			.findFirst()
			.orElseThrow();
		assertThat(line).doesNotStartWith("{").containsPattern("\\b" + TRACE_ID + "[-,][0-9a-f]{16}\\b");
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: boom on purpose")
			.containsPattern("WARN .*\\[" + TRACE_ID + "-[0-9a-f]{16}\\] .* GET /boom 500 in \\d+ ms")
			.doesNotContain("GET /ok");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class FailingApp {

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom on purpose");
		}

		@GetMapping("/ok")
		String ok() {
			return "ok";
		}

	}

}
