package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded loads for the tests: a closed loop, where some clients send GETs back to back until the
 * duration is over, and an open model, where requests start on a schedule however long the
 * earlier ones take.
 */
final class Load {

	private Load() {
	}

	/**
	 * One request every {@code interval} for {@code duration}, each on its own thread, so a slow
	 * answer delays no other request.
	 * @return every answer, in the order the requests started
	 */
	static List<Timed> open(String url, Duration interval, Duration duration) {
		long start = System.nanoTime();
		int requests = (int) (duration.toNanos() / interval.toNanos());
		List<CompletableFuture<Timed>> answers = new ArrayList<>();
		ExecutorService threads = Executors.newCachedThreadPool();
		try {
			for (int i = 0; i < requests; i++) {
				long intended = start + i * interval.toNanos();
				LockSupport.parkNanos(intended - System.nanoTime());
				answers.add(CompletableFuture.supplyAsync(() -> {
					long sent = System.nanoTime();
					int status = Http.get(url).status();
					return new Timed(Duration.ofNanos(sent - start), Duration.ofNanos(System.nanoTime() - sent), status);
				}, threads));
			}
			return answers.stream().map(CompletableFuture::join).toList();
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * @param sentAt when the request started, from the start of the load
	 * @param took how long its answer took
	 * @param status the answer's status
	 */
	record Timed(Duration sentAt, Duration took, int status) {

	}

	/**
	 * @return how many answers came back with each status
	 */
	static Map<Integer, Integer> run(String url, int clients, Duration duration) {
		return run(url, clients, Integer.MAX_VALUE, duration);
	}

	/**
	 * Stops at {@code requests} answers or at the end of {@code duration}, whichever comes first:
	 * a slow machine still sends enough, a fast one does not send more than needed.
	 * @return how many answers came back with each status
	 */
	static Map<Integer, Integer> run(String url, int clients, int requests, Duration duration) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long end = System.nanoTime() + duration.toNanos();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		AtomicInteger sent = new AtomicInteger();
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			running.add(pool.submit(() -> {
				while (System.nanoTime() < end && sent.incrementAndGet() <= requests) {
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
