package dev.perfwatch.frontend;

import java.time.Duration;

import dev.perfwatch.observability.testing.FakeHttpService;
import dev.perfwatch.observability.testing.LocalServer;
import dev.perfwatch.observability.testing.LocalServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontend against a fake gateway over real HTTP: a failing gateway must surface as 502/504,
 * keeping the recipe's fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontend.api-timeout=500ms")
class FrontendControllerTests {

	private static final FakeHttpService gateway = new FakeHttpService();

	private final LocalServer frontend;

	@Autowired
	FrontendControllerTests(@LocalServerPort int port, RestClient.Builder builder) {
		this.frontend = new LocalServer(builder, port);
	}

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("frontend.api-service-url", gateway::url);
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@Test
	void embedsTheGatewayAnswerAfterComputing() {
		gateway.answer(200, "{\"service\":\"api-gateway\",\"data\":{}}", Duration.ZERO);
		Answer answer = this.frontend.get("/");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).startsWith("{\"service\":\"frontend\",\"processing_time_ms\":")
			.contains("\"computation_result\":")
			.endsWith("\"api_response\":{\"service\":\"api-gateway\",\"data\":{}}}");
	}

	@Test
	void returns502WithTheGatewayErrorWhenTheGatewayFails() {
		gateway.answer(503, "{\"error\":\"Authentication service unavailable\"}", Duration.ZERO);
		Answer answer = this.frontend.get("/");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.body()).contains("\"computation_result\":")
			.contains("\"api_response\":{\"error\":\"Authentication service unavailable\"}");
	}

	@Test
	void returns502WhenTheGatewayAnswersWithoutJson() {
		gateway.answer(500, "", Duration.ZERO);
		Answer answer = this.frontend.get("/");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.body()).contains("api-gateway-service answered HTTP 500 without a JSON object");
	}

	@Test
	void returns504WhenTheGatewayIsTooSlow() {
		gateway.answer(200, "{}", Duration.ofSeconds(3));
		Answer answer = this.frontend.get("/");
		assertThat(answer.status()).isEqualTo(504);
		assertThat(answer.body()).contains("\"api_response\":{\"error\":\"api-gateway-service did not answer in time\"}");
	}

	@Test
	void keepsATimeoutBehindTheGatewayAs504() {
		gateway.answer(504, "{\"error\":\"data-service did not answer in time\"}", Duration.ZERO);
		Answer answer = this.frontend.get("/");
		assertThat(answer.status()).isEqualTo(504);
		assertThat(answer.body()).contains("\"api_response\":{\"error\":\"data-service did not answer in time\"}");
	}

}
