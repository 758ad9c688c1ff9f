package dev.perfwatch.observability.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.perfwatch.observability.testing.FakeHttpService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A downstream call ends by its deadline whatever the callee does, and a callee that keeps giving
 * no answer is not called for a moment, then called again once it is back.
 */
class DownstreamDeadlineTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	// Far more than a call needs here, far less than the misbehaving callee would take.
	private static final Duration SLACK = Duration.ofMillis(250);

	private final DownstreamClients clients = new DownstreamClients(RestClient.builder(),
			new DefaultListableBeanFactory().getBeanProvider(DownstreamClientCustomizer.class),
			new DownstreamProperties(new DownstreamProperties.CircuitBreaker(4, 4, 50, Duration.ofMillis(300), 2)));

	private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

	// The first call of a JVM loads the client's classes, which no deadline is about.
	@BeforeEach
	void warmUp() {
		try (FakeHttpService warm = new FakeHttpService()) {
			this.clients.create("warm-up", warm.url(), Duration.ofSeconds(5)).get("/");
		}
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closing) {
			closeable.close();
		}
		this.clients.destroy();
	}

	@Test
	void aCalleeThatNeverAnswersIsATimeoutAtTheDeadline() {
		StalledServer callee = closing(StalledServer.silent());
		DownstreamClient client = this.clients.create("frozen", callee.url(), TIMEOUT);

		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.get("/"))
			.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(TIMEOUT.minusMillis(20), TIMEOUT.plus(SLACK));
	}

	@Test
	void aCalleeThatTricklesItsAnswerIsCutOffAtTheDeadline() {
		// No single read waits 300 ms, so per-read timeouts alone would let this run for 100 s.
		StalledServer callee = closing(StalledServer.trickling(Duration.ofMillis(10)));
		DownstreamClient client = this.clients.create("trickling", callee.url(), TIMEOUT);

		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.get("/"))
			.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SLACK));
	}

	@Test
	void aCalleesUnavailableAnswerIsPassedOnAtOnceNotSentAgain() {
		FakeHttpService callee = closing(new FakeHttpService());
		callee.answer(503, "{\"error\":\"busy\"}", Duration.ZERO);
		DownstreamClient client = this.clients.create("busy", callee.url(), Duration.ofSeconds(5));

		long start = System.nanoTime();
		assertThat(client.get("/").status()).isEqualTo(503);
		// The client's default strategy would wait a second and ask again.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SLACK);
		assertThat(callee.requests()).isEqualTo(1);
	}

	@Test
	void theCalleeIsToldTheBudget() {
		FakeHttpService callee = closing(new FakeHttpService());
		DownstreamClient client = this.clients.create("callee", callee.url(), TIMEOUT);

		client.get("/");

		assertThat(callee.lastHeader("X-Request-Budget-Ms")).isNotNull();
		assertThat(Long.parseLong(callee.lastHeader("X-Request-Budget-Ms"))).isBetween(TIMEOUT.toMillis() - 50,
				TIMEOUT.toMillis());
	}

	@Test
	void aCalleeThatKeepsTimingOutIsNotCalledThenCalledAgainWhenBack() {
		FakeHttpService callee = closing(new FakeHttpService());
		callee.answer(200, "{}", Duration.ofSeconds(2));
		DownstreamClient client = this.clients.create("flaky", callee.url(), Duration.ofMillis(100));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.get("/"))
				.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
		}
		int calledBefore = callee.requests();

		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.get("/"))
			.satisfies((ex) -> assertThat(ex.isRejected()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
		assertThat(callee.requests()).isEqualTo(calledBefore);

		callee.answer(200, "{}", Duration.ZERO);
		await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().untilAsserted(() -> {
			for (int i = 0; i < 3; i++) {
				assertThat(client.get("/").status()).isEqualTo(200);
			}
		});
	}

	private <T extends AutoCloseable> T closing(T closeable) {
		this.closing.add(closeable);
		return closeable;
	}

}
