package dev.perfwatch.loadgen.compare;

/**
 * One metric compared: the means of both cohorts, the relative change, the rounds' spread (pooled
 * coefficient of variation, or paired the deviation of the pairs' ratios) and the tolerance
 * derived from it, all as fractions.
 */
public record MetricVerdict(Metric metric, Samples base, Samples head, double change, double spread,
		double tolerance, Outcome outcome) {

	static MetricVerdict judge(Metric metric, Samples base, Samples head, NoiseTolerance rule) {
		double change = rule.change(base, head);
		double tolerance = rule.of(base, head);
		double worsening = metric.higherIsBetter() ? -change : change;
		Outcome outcome = (worsening > tolerance) ? Outcome.REGRESSION
				: (-worsening > tolerance) ? Outcome.IMPROVEMENT : Outcome.PASS;
		return new MetricVerdict(metric, base, head, change, rule.spread(base, head), tolerance, outcome);
	}

	/** How many tolerances the change is past: what orders the metrics that decided. */
	double excess() {
		return Math.abs(this.change) / this.tolerance;
	}

}
