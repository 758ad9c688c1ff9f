package dev.perfwatch.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the real processes one by one, on a suite of its own: each failure must give the documented
 * answer, quickly, and a dead trace backend must not matter at all.
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
	void requestsStillSucceedWhenZipkinIsDown() {
		suite.zipkin.stop();
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			Http.Answer answer = Http.get(LocalSuite.url(suite.frontendPort) + "/");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	@Order(2)
	void gatewayAnswers502AndFrontend502WhenDataIsDown() {
		suite.data.stop();
		Http.Answer gateway = Http.get(LocalSuite.url(suite.gatewayPort) + "/api/data");
		assertThat(gateway.status()).isEqualTo(502);
		assertThat(gateway.json().path("error").asString()).contains("data-service");

		Http.Answer frontend = Http.get(LocalSuite.url(suite.frontendPort) + "/");
		assertThat(frontend.status()).isEqualTo(502);
		assertThat(frontend.json().path("service").asString()).isEqualTo("frontend");
		assertThat(frontend.json().path("computation_result").isNumber()).isTrue();
		assertThat(frontend.json().path("api_response").path("error").asString()).contains("data-service");
	}

	@Test
	@Order(3)
	void gatewayAnswers503WithinItsTimeoutWhenAuthIsDown() {
		suite.auth.stop();
		long start = System.nanoTime();
		Http.Answer gateway = Http.get(LocalSuite.url(suite.gatewayPort) + "/api/data");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(gateway.status()).isEqualTo(503);
		assertThat(gateway.json().path("error").asString()).startsWith("Authentication service unavailable");
		assertThat(took).isLessThan(Duration.ofSeconds(3).plusMillis(500));
	}

}
