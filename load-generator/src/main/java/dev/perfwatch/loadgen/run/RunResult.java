package dev.perfwatch.loadgen.run;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Everything a finished run measured. Histograms are in microseconds.
 * @param clock turns the run's {@code nanoTime} readings (as in {@code slowest}) into instants
 * @param measuredSeconds from the end of the warmup to the last completed request
 * @param unfinished requests still in flight when the run stopped waiting for them
 */
public record RunResult(RunClock clock, RunRecorder.Counts counts, Histogram latency, Histogram serviceTime,
		List<StepResult> steps, List<IntervalStats> intervals, List<SlowestRequests.SlowRequest> slowest,
		double measuredSeconds, long unfinished) {

	public Instant startedAt() {
		return this.clock.startedAt();
	}

	public double achievedRate() {
		return (this.measuredSeconds > 0) ? this.counts.completed() / this.measuredSeconds : 0;
	}

	/** One rate step of an open model (or the whole run for the other models). */
	public record StepResult(RunRecorder.StepCounts counts, Histogram latency) {
	}

}
