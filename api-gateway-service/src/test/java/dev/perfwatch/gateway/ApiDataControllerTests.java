package dev.perfwatch.gateway;

import java.time.Duration;

import dev.perfwatch.observability.testing.FakeHttpService;
import dev.perfwatch.observability.testing.LocalServer;
import dev.perfwatch.observability.testing.LocalServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against fake auth and data services over real HTTP: each downstream failure must
 * become the documented status, within the downstream's timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.auth-timeout=500ms", "gateway.data-timeout=500ms" })
class ApiDataControllerTests {

	private static final FakeHttpService auth = new FakeHttpService();

	private static final FakeHttpService data = new FakeHttpService();

	private final LocalServer gateway;

	@Autowired
	ApiDataControllerTests(@LocalServerPort int port, RestClient.Builder builder) {
		this.gateway = new LocalServer(builder, port);
	}

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("gateway.auth-service-url", auth::url);
		registry.add("gateway.data-service-url", data::url);
	}

	@AfterAll
	static void stopFakes() {
		auth.close();
		data.close();
	}

	@BeforeEach
	void healthyDownstreams() {
		auth.answer(200, "{\"service\":\"auth\",\"authenticated\":true}", Duration.ZERO);
		data.answer(200, "{\"service\":\"data\",\"total_items\":10,\"data\":[]}", Duration.ZERO);
	}

	@Test
	void combinesAuthAndDataWhenBothSucceed() {
		Answer answer = this.gateway.get("/api/data");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("\"service\":\"api-gateway\"")
			.contains("\"data\":{\"service\":\"data\",\"total_items\":10,\"data\":[]}")
			.contains("\"auth_duration_ms\":")
			.contains("\"data_duration_ms\":");
	}

	@Test
	void returns401WhenAuthRejects() {
		auth.answer(403, "{\"error\":\"no\"}", Duration.ZERO);
		Answer answer = this.gateway.get("/api/data");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Authentication failed\"}");
	}

	@Test
	void returns503WithinTheTimeoutWhenAuthIsTooSlow() {
		auth.answer(200, "{}", Duration.ofSeconds(3));
		long start = System.nanoTime();
		Answer answer = this.gateway.get("/api/data");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.body()).contains("Authentication service unavailable");
	}

	@Test
	void returns502WhenDataFails() {
		data.answer(500, "{\"error\":\"boom\"}", Duration.ZERO);
		Answer answer = this.gateway.get("/api/data");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.body()).contains("data-service answered HTTP 500");
	}

	@Test
	void returns502WhenDataAnswersWithoutJson() {
		data.answer(200, "<html>oops</html>", Duration.ZERO);
		Answer answer = this.gateway.get("/api/data");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.body()).contains("invalid JSON");
	}

	@Test
	void returns504WhenDataIsTooSlow() {
		data.answer(200, "{}", Duration.ofSeconds(3));
		Answer answer = this.gateway.get("/api/data");
		assertThat(answer.status()).isEqualTo(504);
		assertThat(answer.body()).contains("data-service did not answer in time");
	}

}
