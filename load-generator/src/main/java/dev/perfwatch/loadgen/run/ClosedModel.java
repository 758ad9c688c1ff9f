package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} requests in flight, each followed at once by the next,
 * until {@code requests} measured requests were issued or {@code duration} is over. The rate
 * is whatever the target allows, so this model finds saturation; its latency is service time.
 */
public record ClosedModel(long requests, int concurrency, Duration duration, Duration warmup) implements Workload {

	public static final long UNBOUNDED = Long.MAX_VALUE;

	@Override
	public int maxInFlight() {
		return this.concurrency;
	}

	@Override
	public void issue(Dispatcher dispatcher, RunRecorder recorder) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + this.warmup.toNanos();
		long end = (this.duration != null) ? measureFrom + this.duration.toNanos() : Long.MAX_VALUE;
		recorder.measureFrom(measureFrom);
		AtomicLong measuredIssued = new AtomicLong();
		CountDownLatch exhausted = new CountDownLatch(1);
		Runnable issueNext = () -> {
			long now = System.nanoTime();
			if (now >= end) {
				exhausted.countDown();
			}
			else if (now < measureFrom || measuredIssued.incrementAndGet() <= this.requests) {
				dispatcher.submit(now, 0);
			}
			else {
				exhausted.countDown();
			}
		};
		dispatcher.onCompletion(issueNext);
		long initial = (this.warmup.isZero()) ? Math.min(this.concurrency, this.requests) : this.concurrency;
		for (long i = 0; i < initial; i++) {
			issueNext.run();
		}
		if (end == Long.MAX_VALUE) {
			exhausted.await();
		}
		else {
			exhausted.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		dispatcher.onCompletion(() -> {
		});
	}

}
