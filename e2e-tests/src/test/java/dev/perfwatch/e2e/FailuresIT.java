package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

	/**
	 * Auth frozen for 6 s under an open-model load of 10 requests/s through the frontend: the
	 * kernel keeps accepting connections for it, so only the gateway's deadline on the auth call
	 * (gateway.auth-timeout, 1 s) and its circuit breaker bound the wait.
	 */
	@Test
	@Order(1)
	void aFrozenAuthServiceHoldsNoUserPastTheDeadlineAndServiceResumesWhenItThaws() {
		String url = LocalSuite.url(suite.frontendPort) + "/";
		Load.run(url, 2, 200, Duration.ofSeconds(20));
		Duration freezeAt = Duration.ofSeconds(1);
		Duration thawAt = Duration.ofSeconds(7);
		ScheduledExecutorService signals = Executors.newSingleThreadScheduledExecutor();
		List<Load.Timed> answers;
		try {
			signals.schedule(() -> suite.auth.signal("STOP"), freezeAt.toMillis(), TimeUnit.MILLISECONDS);
			signals.schedule(() -> suite.auth.signal("CONT"), thawAt.toMillis(), TimeUnit.MILLISECONDS);
			answers = Load.open(url, Duration.ofMillis(100), Duration.ofSeconds(11));
		}
		finally {
			signals.shutdown();
			suite.auth.signal("CONT");
		}

		// The gateway's 503 reaches users as the frontend's 502, as for any failing gateway call.
		assertThat(answers).extracting(Load.Timed::status).containsOnly(200, 502).contains(502);
		// Auth's deadline plus half a second, for every answer: nobody waits for the frozen process.
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.took()).as("%s", answer)
			.isLessThan(Duration.ofMillis(1500)));
		// The breaker probes again after 1 s open: all served within 2 s of the thaw.
		assertThat(answers).filteredOn((answer) -> answer.sentAt().compareTo(thawAt.plusSeconds(2)) > 0)
			.isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
	}

	@Test
	@Order(2)
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
	@Order(3)
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
	@Order(4)
	void restartedCalleesServeAtOnceAndRequestsStillSucceedWhenZipkinIsDown() {
		suite.data.launch();
		suite.auth.launch();
		suite.data.awaitReady(Duration.ofSeconds(120));
		suite.auth.awaitReady(Duration.ofSeconds(120));
		// From their readiness on, no call is refused: the breakers probe again within a second. The
		// restarted callees are cold, so only the frontend's own deadline bounds these answers.
		assertEveryAnswer200Within(Duration.ofSeconds(5));
		suite.zipkin.stop();
		assertEveryAnswer200Within(Duration.ofSeconds(2));
	}

	/**
	 * Three seconds of an open-model load at 10 requests/s through the frontend.
	 */
	private static void assertEveryAnswer200Within(Duration bound) {
		List<Load.Timed> answers = Load.open(LocalSuite.url(suite.frontendPort) + "/", Duration.ofMillis(100),
				Duration.ofSeconds(3));
		assertThat(answers).hasSize(30).allSatisfy((answer) -> {
			assertThat(answer.status()).as("%s", answer).isEqualTo(200);
			assertThat(answer.took()).as("%s", answer).isLessThan(bound);
		});
	}

	private static JsonNode errorSpan(String traceId, String name) {
		List<JsonNode> spans = ZipkinTraces.await(suite, traceId,
				(found) -> ZipkinTraces.span(found, name).isPresent(), Duration.ofSeconds(30));
		JsonNode span = ZipkinTraces.span(spans, name).orElseThrow();
		assertThat(span.path("tags").has("error")).as("%s is marked as an error: %s", name, span).isTrue();
		return span;
	}

}
