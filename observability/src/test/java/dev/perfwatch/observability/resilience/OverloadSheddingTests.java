package dev.perfwatch.observability.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service holding as many requests as it takes answers the next one at once with a 503 and
 * {@code Retry-After}, keeps answering its probes, and serves again as soon as a slot frees.
 */
@SpringBootTest(classes = OverloadSheddingTests.BusyApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "perfwatch.overload.max-concurrent-requests=2", "perfwatch.overload.retry-after=1500ms" })
class OverloadSheddingTests {

	// HTTP/1.1: an h2c upgrade attempt would hold the next requests behind the first, still open one.
	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	private final BusyController busy;

	@Autowired
	OverloadSheddingTests(@LocalServerPort int port, BusyController busy) {
		this.port = port;
		this.busy = busy;
	}

	@Test
	void theRequestBeyondTheLimitIsShedAtOnceWhileProbesAndFreedSlotsStillServe() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			held.add(http.sendAsync(get("/busy"), HttpResponse.BodyHandlers.ofString()));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.busy.inside.availablePermits() == 2);

		long start = System.nanoTime();
		HttpResponse<String> shed = http.send(get("/busy"), HttpResponse.BodyHandlers.ofString());
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(shed.statusCode()).isEqualTo(503);
		assertThat(shed.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(shed.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(shed.body()).contains("\"status\":503").contains("\"path\":\"/busy\"");
		assertThat(took).isLessThan(Duration.ofSeconds(2));

		assertThat(http.send(get("/actuator/health/liveness"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);

		this.busy.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : held) {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		assertThat(http.send(get("/busy"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BusyApp {

		@Bean
		BusyController busyController() {
			return new BusyController();
		}

	}

	@RestController
	static class BusyController {

		final Semaphore inside = new Semaphore(0);

		final CountDownLatch release = new CountDownLatch(1);

		@GetMapping("/busy")
		String busy() throws InterruptedException {
			this.inside.release();
			this.release.await(10, TimeUnit.SECONDS);
			return "done";
		}

	}

}
