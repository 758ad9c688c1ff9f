package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.List;

/**
 * The intended start times of an open-model run: request {@code i} of a step at rate {@code r}
 * is due {@code i / r} seconds after the step began, whatever happened to earlier requests.
 * Those times, not the moments requests actually left, are where latency is measured from.
 */
public final class RateSchedule {

	private final List<RateStep> steps;

	private int step;

	private long indexInStep;

	private long stepStartNanos;

	public RateSchedule(List<RateStep> steps) {
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("a rate schedule needs at least one step");
		}
		this.steps = List.copyOf(steps);
	}

	public List<RateStep> steps() {
		return this.steps;
	}

	public Duration totalDuration() {
		return this.steps.stream().map(RateStep::duration).reduce(Duration.ZERO, Duration::plus);
	}

	/** How many starts the whole schedule intends. */
	public long expectedStarts() {
		return this.steps.stream().mapToLong(RateStep::expectedStarts).sum();
	}

	/**
	 * The next intended start, in nanoseconds from the start of the run, or {@code -1} when the
	 * schedule is over. {@link #currentStep()} then tells which step it belongs to.
	 */
	public long next() {
		while (this.step < this.steps.size()) {
			RateStep current = this.steps.get(this.step);
			long offset = (long) (this.indexInStep * 1e9 / current.ratePerSecond());
			if (offset < current.duration().toNanos()) {
				this.indexInStep++;
				return this.stepStartNanos + offset;
			}
			this.stepStartNanos += current.duration().toNanos();
			this.step++;
			this.indexInStep = 0;
		}
		return -1;
	}

	/** The step of the start last returned by {@link #next()}. */
	public int currentStep() {
		return this.step;
	}

}
