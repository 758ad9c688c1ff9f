package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An open model: requests arrive on a fixed schedule whatever the target does, as users do.
 * Each request's latency counts from its intended start, so a stalled target cannot hide
 * behind the generator waiting for it (coordinated omission). Starts the schedule wanted but
 * that were still waiting for a connection when the run ended are counted as dropped.
 */
public record OpenModel(List<RateStep> rateSteps, int maxConnections, Duration warmup) implements Workload {

	@Override
	public int maxInFlight() {
		return this.maxConnections;
	}

	@Override
	public int steps() {
		return this.rateSteps.size();
	}

	@Override
	public void issue(Dispatcher dispatcher, RunRecorder recorder) {
		List<RateStep> plan = new ArrayList<>();
		int firstMeasuredStep = 0;
		if (!this.warmup.isZero()) {
			plan.add(new RateStep(this.rateSteps.get(0).ratePerSecond(), this.warmup));
			firstMeasuredStep = 1;
		}
		plan.addAll(this.rateSteps);
		RateSchedule schedule = new RateSchedule(plan);
		long start = System.nanoTime();
		long end = start + schedule.totalDuration().toNanos();
		recorder.measureFrom(start + this.warmup.toNanos());
		long offset;
		while ((offset = schedule.next()) >= 0) {
			long intended = start + offset;
			long now;
			while ((now = System.nanoTime()) < intended) {
				LockSupport.parkNanos(intended - now);
			}
			if (now >= end) {
				recorder.dropped(1 + countRemaining(schedule));
				break;
			}
			dispatcher.submit(intended, Math.max(0, schedule.currentStep() - firstMeasuredStep));
		}
		recorder.dropped(dispatcher.discardQueued());
	}

	private static long countRemaining(RateSchedule schedule) {
		long remaining = 0;
		while (schedule.next() >= 0) {
			remaining++;
		}
		return remaining;
	}

	/** The mean intended rate over the measured steps. */
	public double targetRate() {
		double starts = 0;
		double seconds = 0;
		for (RateStep step : this.rateSteps) {
			starts += step.expectedStarts();
			seconds += step.duration().toNanos() / 1e9;
		}
		return starts / seconds;
	}

}
