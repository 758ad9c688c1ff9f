package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients at once through the frontend: no request may fail, and auth's session store must
 * stay within its bound of 50 while being hammered.
 */
@ExtendWith(RunningSuite.class)
class ConcurrencyIT {

	/** More than twice the store's bound of 50, so it must evict while the clients hammer it. */
	private static final int REQUESTS = 120;

	/** A deadline, not the load's length: a cold suite on a busy machine answers a few per second. */
	private static final Duration DEADLINE = Duration.ofSeconds(90);

	@Test
	void sixteenParallelClientsSeeNoErrorsAndTheSessionStoreStaysBounded(LocalSuite suite) throws Exception {
		AtomicBoolean loading = new AtomicBoolean(true);
		CompletableFuture<Integer> largestStore = CompletableFuture.supplyAsync(() -> {
			int largest = 0;
			while (loading.get()) {
				largest = Math.max(largest,
						Http.get(LocalSuite.url(suite.authPort) + "/health").json().path("memory_usage_sessions").asInt());
			}
			return largest;
		});
		Map<Integer, Integer> statuses;
		try {
			statuses = Load.run(LocalSuite.url(suite.frontendPort) + "/", 16, REQUESTS, DEADLINE);
		}
		finally {
			loading.set(false);
		}

		assertThat(statuses).containsOnlyKeys(200);
		assertThat(statuses.get(200)).as("answers within " + DEADLINE).isEqualTo(REQUESTS);
		assertThat(largestStore.get(30, TimeUnit.SECONDS)).isBetween(1, 50);
	}

}
