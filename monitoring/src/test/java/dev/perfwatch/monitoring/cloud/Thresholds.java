package dev.perfwatch.monitoring.cloud;

import java.util.Optional;

/**
 * Plausible threshold ranges per unit, to catch a number written in the wrong unit: the recipe's
 * 2.0 on a millisecond latency meant two seconds and would page on every request.
 */
final class Thresholds {

	/** Below this a latency threshold in ms was almost certainly written in seconds. */
	static final double MIN_LATENCY_MS = 50;

	/** Cloud Run's longest request timeout, 60 minutes. */
	static final double MAX_LATENCY_MS = 3_600_000;

	private Thresholds() {
	}

	/** @return why {@code value} does not fit {@code unit}, if it does not */
	static Optional<String> problem(String unit, double value) {
		return switch (unit) {
			case "ms" -> (value < MIN_LATENCY_MS || value > MAX_LATENCY_MS) ? Optional.of(value
					+ " is not a plausible latency in milliseconds (expected " + MIN_LATENCY_MS + ".." + MAX_LATENCY_MS + ")")
					: Optional.empty();
			case "10^2.%" -> (value <= 0 || value > 1)
					? Optional.of(value + " is not a utilization fraction (expected 0..1, 0.9 = 90 %)") : Optional.empty();
			case "ratio" -> (value <= 0 || value >= 1)
					? Optional.of(value + " is not a ratio (expected 0..1, 0.01 = 1 %)") : Optional.empty();
			case "burn rate" -> (value < 1) ? Optional.of(value + " is a burn rate below 1, which never exhausts the budget")
					: Optional.empty();
			default -> (value <= 0) ? Optional.of(value + " " + unit + " is not a positive threshold") : Optional.empty();
		};
	}

}
