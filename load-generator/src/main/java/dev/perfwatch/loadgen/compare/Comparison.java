package dev.perfwatch.loadgen.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * Every metric compared, and the one verdict: a regression if any metric regressed, else an
 * improvement if any improved, else a pass. {@code notes} say what may make the cohorts less
 * comparable (different settings, failed requests) without changing the verdict.
 */
public record Comparison(int baseRounds, int headRounds, NoiseTolerance rule, List<MetricVerdict> metrics,
		List<String> notes) {

	public Comparison {
		metrics = List.copyOf(metrics);
		notes = List.copyOf(notes);
	}

	static Comparison of(Cohort base, Cohort head, NoiseTolerance rule) {
		if (rule.paired() && base.reports().size() != head.reports().size()) {
			throw new BadInputException("--paired needs as many head rounds as base rounds, got "
					+ base.reports().size() + " and " + head.reports().size());
		}
		List<MetricVerdict> metrics = new ArrayList<>();
		metrics.add(judge(Metric.THROUGHPUT, base.samples(RoundReport::throughput),
				head.samples(RoundReport::throughput), rule));
		metrics.add(judge(Metric.P50, base.samples(RoundReport::p50), head.samples(RoundReport::p50), rule));
		metrics.add(judge(Metric.P99, base.samples(RoundReport::p99), head.samples(RoundReport::p99), rule));
		if (base.cpu() != null && head.cpu() != null) {
			if (!base.cpu().services().equals(head.cpu().services())) {
				throw new BadInputException("the CPU files name different services: " + base.cpu().services() + " in "
						+ base.cpu().file() + ", " + head.cpu().services() + " in " + head.cpu().file());
			}
			for (String service : base.cpu().services()) {
				metrics.add(judge(Metric.cpuPerRequest(service), base.cpu().samples(service),
						head.cpu().samples(service), rule));
			}
		}
		return new Comparison(base.reports().size(), head.reports().size(), rule, metrics, notes(base, head));
	}

	private static MetricVerdict judge(Metric metric, Samples base, Samples head, NoiseTolerance rule) {
		if (base.mean() <= 0) {
			throw new BadInputException("the base rounds' mean " + metric.label() + " is 0: a change cannot be "
					+ "expressed in %");
		}
		return MetricVerdict.judge(metric, base, head, rule);
	}

	private static List<String> notes(Cohort base, Cohort head) {
		List<String> notes = new ArrayList<>();
		if (!base.settings().equals(head.settings())) {
			notes.add("the cohorts ran with different settings: base " + base.settings() + ", head " + head.settings());
		}
		if (head.failed() > 0 || base.failed() > 0) {
			notes.add(String.format(Locale.ROOT,
					"failed requests: base %d of %d, head %d of %d (not judged here: gate them with --fail-if "
							+ "'errors>...' in the runs)",
					base.failed(), base.sent(), head.failed(), head.sent()));
		}
		return notes;
	}

	public Outcome outcome() {
		if (this.metrics.stream().anyMatch((verdict) -> verdict.outcome() == Outcome.REGRESSION)) {
			return Outcome.REGRESSION;
		}
		if (this.metrics.stream().anyMatch((verdict) -> verdict.outcome() == Outcome.IMPROVEMENT)) {
			return Outcome.IMPROVEMENT;
		}
		return Outcome.PASS;
	}

	/** The metrics that gave the verdict, furthest beyond their tolerance first; none for a pass. */
	public List<MetricVerdict> decidedBy() {
		Outcome outcome = outcome();
		return this.metrics.stream()
			.filter((verdict) -> outcome != Outcome.PASS && verdict.outcome() == outcome)
			.sorted(Comparator.comparingDouble(MetricVerdict::excess).reversed())
			.toList();
	}

}
