package dev.perfwatch.observability.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.http.DownstreamUnavailableException;
import dev.perfwatch.observability.testing.FakeHttpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's budget, end to end in one service: read from the request, it shortens the
 * downstream call's deadline and is passed on, and a spent budget is answered at once.
 */
@SpringBootTest(classes = CallerBudgetTests.RelayApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerBudgetTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final FakeHttpService answering = new FakeHttpService();

	private static ServerSocket silent;

	private final int port;

	CallerBudgetTests(@LocalServerPort int port) {
		this.port = port;
	}

	@BeforeAll
	static void startSilentCallee() throws IOException {
		// The kernel accepts connections for it, as for a frozen process, and nothing ever answers.
		silent = new ServerSocket(0);
	}

	@AfterAll
	static void stopCallees() throws IOException {
		silent.close();
		answering.close();
	}

	@Test
	void theCallersBudgetShortensTheDownstreamDeadline() throws Exception {
		HttpResponse<String> warm = relay(answering.url(), "5000");
		assertThat(warm.statusCode()).isEqualTo(200);

		long start = System.nanoTime();
		HttpResponse<String> answer = relay("http://127.0.0.1:" + silent.getLocalPort(), "300");
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		// The client's own timeout is 5 s: only the caller's 300 ms can have ended it.
		assertThat(answer.statusCode()).isEqualTo(504);
		assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofMillis(800));
	}

	@Test
	void theCalleeIsToldWhatIsLeftOfTheCallersBudget() throws Exception {
		assertThat(relay(answering.url(), "700").statusCode()).isEqualTo(200);

		assertThat(Long.parseLong(answering.lastHeader(CallerBudget.HEADER))).isBetween(500L, 700L - 20);
	}

	@Test
	void aSpentBudgetIsAnsweredAtOnceWithoutWork() throws Exception {
		int before = answering.requests();
		HttpResponse<String> answer = relay(answering.url(), "0");

		assertThat(answer.statusCode()).isEqualTo(504);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(answer.body()).isEqualTo("{\"error\":\"Gateway Timeout\",\"status\":504,\"path\":\"/relay\"}");
		assertThat(answering.requests()).isEqualTo(before);
	}

	@Test
	void aGarbageBudgetIsIgnored() throws Exception {
		for (String garbage : List.of("-5", "abc", "1e3", "99999999999999999999", " ", "0x10")) {
			assertThat(relay(answering.url(), garbage).statusCode()).as(garbage).isEqualTo(200);
		}
	}

	@Test
	void parsesOnlyPlainMilliseconds() {
		assertThat(CallerBudget.parse("1500")).hasValue(1500);
		assertThat(CallerBudget.parse(" 42 ")).hasValue(42);
		assertThat(CallerBudget.parse("-1")).isEmpty();
		assertThat(CallerBudget.parse("12345678")).isEmpty();
		assertThat(CallerBudget.parse(null)).isEmpty();
	}

	private HttpResponse<String> relay(String target, String budget) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/relay?to=" + target))
			.header(CallerBudget.HEADER, budget)
			.timeout(Duration.ofSeconds(10))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RelayApp {

		@RestController
		static class RelayController {

			private final DownstreamClients clients;

			RelayController(DownstreamClients clients) {
				this.clients = clients;
			}

			@GetMapping("/relay")
			ResponseEntity<String> relay(@RequestParam String to) {
				DownstreamClient client = this.clients.create("callee", to, Duration.ofSeconds(5));
				try {
					return ResponseEntity.ok(client.get("/").bodyText());
				}
				catch (DownstreamUnavailableException ex) {
					return ResponseEntity.status(ex.isTimeout() ? 504 : 502).body(ex.getMessage());
				}
			}

		}

	}

}
