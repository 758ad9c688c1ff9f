package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The recipe's pattern: submit a request to a pool of workers, pause a random while, repeat.
 * A submission never waits for a worker; it queues, and its latency counts from the submission.
 */
public record RecipeModel(RecipeSettings settings, Pauses pauses) implements Workload {

	@Override
	public int maxInFlight() {
		return this.settings.workers();
	}

	@Override
	public void issue(Dispatcher dispatcher, RunRecorder recorder) throws InterruptedException {
		recorder.measureFrom(System.nanoTime());
		long minNanos = this.settings.minPause().toNanos();
		long maxNanos = this.settings.maxPause().toNanos();
		for (int i = 0; i < this.settings.requests(); i++) {
			dispatcher.submit(System.nanoTime(), 0);
			if (i < this.settings.requests() - 1) {
				long pause = (maxNanos > minNanos) ? ThreadLocalRandom.current().nextLong(minNanos, maxNanos + 1) : minNanos;
				this.pauses.pause(Duration.ofNanos(pause));
			}
		}
	}

	@Override
	public Duration drainTimeout(Duration requestTimeout) {
		long rounds = 1 + (this.settings.requests() + this.settings.workers() - 1) / this.settings.workers();
		return requestTimeout.multipliedBy(rounds);
	}

}
