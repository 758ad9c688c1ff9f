package dev.perfwatch.loadgen.run;

import java.time.Duration;

/** A constant arrival rate held for a while. */
public record RateStep(double ratePerSecond, Duration duration) {

	public RateStep {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("a rate must be a positive number of requests per second");
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("a rate step needs a positive duration");
		}
	}

	long expectedStarts() {
		return (long) Math.ceil(this.ratePerSecond * this.duration.toNanos() / 1e9);
	}

}
