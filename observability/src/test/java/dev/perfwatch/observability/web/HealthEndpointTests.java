package dev.perfwatch.observability.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe's {@code GET /health}, over real HTTP: its JSON, with what the service's
 * {@link HealthDetails} add after the recipe's two fields.
 */
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "perfwatch.service.name=example", "management.tracing.sampling.probability=0" })
// Closed after the class: an application context left open keeps its logging set up, and later
// tests in this JVM that start their own application (LocalLogLinesTests) would log in its format.
@DirtiesContext
class HealthEndpointTests {

	private final int port;

	HealthEndpointTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void answersTheRecipesJsonWithTheServicesOwnDetails() throws IOException {
		assertThat(RawHttp.exchange(this.port, "GET /health HTTP/1.0")).startsWith("HTTP/1.1 200")
			.contains("Content-Type: application/json")
			.endsWith("{\"status\":\"healthy\",\"service\":\"example\",\"active_sessions\":3}");
	}

	@Test
	void anUnacceptableMediaTypeGets406JsonAnyway() throws IOException {
		assertThat(RawHttp.exchange(this.port, "GET /health HTTP/1.0", "Accept: text/plain")).startsWith("HTTP/1.1 406")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Not Acceptable\",\"status\":406,\"path\":\"/health\"}");
	}

}
