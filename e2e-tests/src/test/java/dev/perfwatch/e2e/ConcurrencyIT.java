package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients at once through the frontend: no request may fail, and auth's session store must
 * stay within its bound of 50 while being hammered.
 */
@ExtendWith(RunningSuite.class)
class ConcurrencyIT {

	private static final Duration LOAD = Duration.ofSeconds(5);

	@Test
	void sixteenParallelClientsSeeNoErrorsAndTheSessionStoreStaysBounded(LocalSuite suite) throws Exception {
		long end = System.nanoTime() + LOAD.toNanos();
		CompletableFuture<Integer> largestStore = CompletableFuture.supplyAsync(() -> {
			int largest = 0;
			while (System.nanoTime() < end) {
				largest = Math.max(largest,
						Http.get(LocalSuite.url(suite.authPort) + "/health").json().path("memory_usage_sessions").asInt());
			}
			return largest;
		});
		Map<Integer, Integer> statuses = Load.run(LocalSuite.url(suite.frontendPort) + "/", 16, LOAD);

		assertThat(statuses).containsOnlyKeys(200);
		assertThat(statuses.get(200)).isGreaterThan(16);
		assertThat(largestStore.get(30, TimeUnit.SECONDS)).isBetween(1, 50);
	}

}
