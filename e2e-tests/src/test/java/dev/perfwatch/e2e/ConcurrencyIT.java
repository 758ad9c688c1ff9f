package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients at once through the frontend: no request may fail, and auth's session store must
 * stay within its bound of 50 while being hammered.
 */
@ExtendWith(RunningSuite.class)
class ConcurrencyIT {

	private static final int CLIENTS = 16;

	private static final Duration LOAD = Duration.ofSeconds(5);

	@Test
	void sixteenParallelClientsSeeNoErrorsAndTheSessionStoreStaysBounded(LocalSuite suite) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
		long end = System.nanoTime() + LOAD.toNanos();
		AtomicInteger requests = new AtomicInteger();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					statuses.merge(Http.get(LocalSuite.url(suite.frontendPort) + "/").status(), 1, Integer::sum);
					requests.incrementAndGet();
				}
			}));
		}
		Future<Integer> largestStore = pool.submit(() -> {
			int largest = 0;
			while (System.nanoTime() < end) {
				largest = Math.max(largest,
						Http.get(LocalSuite.url(suite.authPort) + "/health").json().path("memory_usage_sessions").asInt());
			}
			return largest;
		});
		for (Future<?> client : clients) {
			client.get(LOAD.toSeconds() + 30, TimeUnit.SECONDS);
		}
		int largest = largestStore.get(30, TimeUnit.SECONDS);
		pool.shutdown();

		assertThat(requests.get()).isGreaterThan(CLIENTS);
		assertThat(statuses).containsOnlyKeys(200);
		assertThat(largest).isBetween(1, 50);
	}

}
