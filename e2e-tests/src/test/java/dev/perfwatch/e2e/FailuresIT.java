package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the real processes, on a suite of its own: each failure must give the documented answer,
 * quickly, and show in the trace as an error; a dead trace backend must not matter at all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailuresIT {

	private static LocalSuite suite;

	@BeforeAll
	static void startSuite() {
		suite = new LocalSuite().start();
	}

	@AfterAll
	static void stopSuite() {
		suite.close();
	}

	@Test
	@Order(1)
	void dataDownGives502AndAnErrorSpan() {
		suite.data.stop();
		Http.Answer gateway = Http.get(LocalSuite.url(suite.gatewayPort) + "/api/data");
		assertThat(gateway.status()).isEqualTo(502);
		assertThat(gateway.json().path("error").asString()).contains("data-service");

		String traceId = "5c1d0f0000000000000000000000da7a";
		Http.Answer frontend = Http.get(LocalSuite.url(suite.frontendPort) + "/", "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(frontend.status()).isEqualTo(502);
		assertThat(frontend.json().path("service").asString()).isEqualTo("frontend");
		assertThat(frontend.json().path("computation_result").isNumber()).isTrue();
		assertThat(frontend.json().path("api_response").path("error").asString()).contains("data-service");

		JsonNode dataCall = errorSpan(traceId, "data_service_call");
		assertThat(dataCall.path("tags").path("data_error").asString()).contains("data-service");
		assertThat(dataCall.path("tags").has("data_duration_ms")).isTrue();
	}

	@Test
	@Order(2)
	void authDownGives503WithinItsTimeoutAndAnErrorSpan() {
		suite.auth.stop();
		String traceId = "5c1d0f0000000000000000000000a117";
		long start = System.nanoTime();
		Http.Answer gateway = Http.get(LocalSuite.url(suite.gatewayPort) + "/api/data", "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(gateway.status()).isEqualTo(503);
		assertThat(gateway.json().path("error").asString()).startsWith("Authentication service unavailable");
		assertThat(took).isLessThan(Duration.ofSeconds(3).plusMillis(500));

		JsonNode authCheck = errorSpan(traceId, "authentication_check");
		assertThat(authCheck.path("tags").path("auth_result").asString()).isEqualTo("error");
		assertThat(authCheck.path("tags").path("auth_error").asString()).contains("auth-service");
	}

	@Test
	@Order(3)
	void requestsStillSucceedWhenZipkinIsDown() {
		suite.data.launch();
		suite.auth.launch();
		suite.data.awaitReady(Duration.ofSeconds(120));
		suite.auth.awaitReady(Duration.ofSeconds(120));
		suite.zipkin.stop();
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			Http.Answer answer = Http.get(LocalSuite.url(suite.frontendPort) + "/");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
	}

	private static JsonNode errorSpan(String traceId, String name) {
		List<JsonNode> spans = ZipkinTraces.await(suite, traceId,
				(found) -> ZipkinTraces.span(found, name).isPresent(), Duration.ofSeconds(30));
		JsonNode span = ZipkinTraces.span(spans, name).orElseThrow();
		assertThat(span.path("tags").has("error")).as("%s is marked as an error: %s", name, span).isTrue();
		return span;
	}

}
