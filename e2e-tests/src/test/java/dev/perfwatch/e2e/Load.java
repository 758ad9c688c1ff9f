package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bounded closed-loop load for the tests: some clients send GETs back to back until the
 * duration is over.
 */
final class Load {

	private Load() {
	}

	/**
	 * @return how many answers came back with each status
	 */
	static Map<Integer, Integer> run(String url, int clients, Duration duration) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long end = System.nanoTime() + duration.toNanos();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			running.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					statuses.merge(Http.get(url).status(), 1, Integer::sum);
				}
			}));
		}
		try {
			for (Future<?> client : running) {
				client.get(duration.toSeconds() + 30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("A load client failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		return statuses;
	}

}
