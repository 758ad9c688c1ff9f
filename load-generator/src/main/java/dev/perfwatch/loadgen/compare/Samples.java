package dev.perfwatch.loadgen.compare;

import java.util.List;

/** The values of one metric in the rounds of one cohort, in run order. */
public record Samples(List<Double> values) {

	public Samples {
		values = List.copyOf(values);
	}

	int count() {
		return this.values.size();
	}

	double mean() {
		return this.values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	/** The sum of squared deviations from the mean: what a pooled variance adds up. */
	double squaredDeviations() {
		double mean = mean();
		return this.values.stream().mapToDouble((value) -> (value - mean) * (value - mean)).sum();
	}

}
