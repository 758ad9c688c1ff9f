package dev.perfwatch.loadgen.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a metric's mean may move between the cohorts before the move counts: the larger of a
 * floor and the half-width of the 99 % confidence interval of the difference of the two means
 * (Student's t with the pooled variance of the rounds), relative to the base mean. That is
 * {@code max(floor, t(0.995, nBase + nHead - 2) * sqrt(1/nBase + 1/nHead) * pooledCv)}: noisy
 * rounds and few rounds both widen it, so a difference the rounds cannot tell from noise passes;
 * a false alarm in one direction has at most a 0.5 % chance per metric when the rounds' noise is
 * roughly normal. The floor keeps near-identical rounds from calling a 0.1 % change.
 * <p>
 * Paired, the i-th base round ran next to the i-th head round (A B B A ...): then the change is the
 * mean of the head/base ratios of the pairs, and the spread their standard deviation, so that what
 * both sides of a pair share (the machine's drift, a warming JIT, a neighbour's load) cancels
 * instead of widening the tolerance: {@code max(floor, t(0.995, pairs - 1) / sqrt(pairs) * sd)}.
 */
public record NoiseTolerance(double floor, boolean paired) {

	/** Two-sided 99 % quantiles of Student's t, t(0.995, df), for df = 1..30. */
	private static final double[] T_995 = { 63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
			3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787,
			2.779, 2.771, 2.763, 2.756, 2.750 };

	/** The pooled standard deviation of the rounds of both cohorts over the base mean. */
	static double pooledCv(Samples base, Samples head) {
		int degreesOfFreedom = base.count() + head.count() - 2;
		double pooledVariance = (base.squaredDeviations() + head.squaredDeviations()) / degreesOfFreedom;
		return Math.sqrt(pooledVariance) / base.mean();
	}

	/** What the pooled CV is multiplied by: fewer rounds, larger factor. */
	static double spreadFactor(int baseRounds, int headRounds) {
		return t995(baseRounds + headRounds - 2) * Math.sqrt(1.0 / baseRounds + 1.0 / headRounds);
	}

	/** Paired: the standard deviation of the head/base ratios of the pairs. */
	static double pairedSpread(Samples base, Samples head) {
		Samples ratios = ratios(base, head);
		return Math.sqrt(ratios.squaredDeviations() / (ratios.count() - 1));
	}

	/** Paired: what the spread of the ratios is multiplied by. */
	static double pairedFactor(int pairs) {
		return t995(pairs - 1) / Math.sqrt(pairs);
	}

	private static Samples ratios(Samples base, Samples head) {
		List<Double> ratios = new ArrayList<>(base.count());
		for (int i = 0; i < base.count(); i++) {
			ratios.add(head.values().get(i) / base.values().get(i));
		}
		return new Samples(ratios);
	}

	/** The relative change of the head from the base, as a fraction. */
	double change(Samples base, Samples head) {
		return this.paired ? ratios(base, head).mean() - 1 : (head.mean() - base.mean()) / base.mean();
	}

	/** How much the rounds vary, as a fraction: what the tolerance is a multiple of. */
	double spread(Samples base, Samples head) {
		return this.paired ? pairedSpread(base, head) : pooledCv(base, head);
	}

	/** The multiple of the spread that the tolerance is, for these rounds. */
	double factor(int baseRounds, int headRounds) {
		return this.paired ? pairedFactor(baseRounds) : spreadFactor(baseRounds, headRounds);
	}

	/** The allowed relative change of the mean, as a fraction of the base mean. */
	double of(Samples base, Samples head) {
		return Math.max(this.floor, factor(base.count(), head.count()) * spread(base, head));
	}

	/** Beyond 30 degrees of freedom the df = 30 value is kept: slightly wider than the exact one. */
	private static double t995(int degreesOfFreedom) {
		return T_995[Math.min(degreesOfFreedom, T_995.length) - 1];
	}

}
