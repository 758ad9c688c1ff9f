package dev.perfwatch.loadgen.compare;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.perfwatch.loadgen.report.TextReport;

/** The evidence table and the one verdict line, as a person reads them in a CI log. */
final class VerdictTable {

	private VerdictTable() {
	}

	static void print(Comparison comparison, PrintWriter out) {
		NoiseTolerance rule = comparison.rule();
		double factor = rule.factor(comparison.baseRounds(), comparison.headRounds());
		out.printf(Locale.ROOT, "compare: %d base rounds, %d head rounds%s%n", comparison.baseRounds(),
				comparison.headRounds(), rule.paired() ? ", paired" : "");
		if (rule.paired()) {
			out.printf(Locale.ROOT,
					"  tolerance per metric = max(%s, %.2f x spread): spread is the standard deviation of the pairs' "
							+ "head/base ratios, %.2f = t(99%%, %d df) / sqrt(%d)%n",
					percent(rule.floor()), factor, factor, comparison.baseRounds() - 1, comparison.baseRounds());
		}
		else {
			out.printf(Locale.ROOT,
					"  tolerance per metric = max(%s, %.2f x spread): spread is the pooled coefficient of variation "
							+ "of the rounds, %.2f = t(99%%, %d df) x sqrt(1/%d + 1/%d)%n",
					percent(rule.floor()), factor, factor, comparison.baseRounds() + comparison.headRounds() - 2,
					comparison.baseRounds(), comparison.headRounds());
		}
		int width = comparison.metrics()
			.stream()
			.mapToInt((verdict) -> verdict.metric().label().length())
			.max()
			.orElse(6);
		String row = "  %-" + width + "s %11s %11s %8s %10s %8s  %s%n";
		out.printf(Locale.ROOT, row, "metric", "base mean", "head mean", "change", "tolerance", "spread", "verdict");
		for (MetricVerdict verdict : comparison.metrics()) {
			out.printf(Locale.ROOT, row, verdict.metric().label(), TextReport.fmt(verdict.base().mean()),
					TextReport.fmt(verdict.head().mean()), signedPercent(verdict.change()), percent(verdict.tolerance()),
					percent(verdict.spread()), verdict.outcome().word().toUpperCase(Locale.ROOT));
		}
		comparison.notes().forEach((note) -> out.println("  note: " + note));
		out.println(verdictLine(comparison));
	}

	/** {@code verdict: regression: data-service CPU ms/req +48.2% (tolerance 5.1%), ...}. */
	static String verdictLine(Comparison comparison) {
		List<MetricVerdict> decidedBy = comparison.decidedBy();
		if (decidedBy.isEmpty()) {
			return "verdict: pass: every change is within its tolerance";
		}
		return "verdict: " + comparison.outcome().word() + ": " + decidedBy.stream()
			.map((verdict) -> verdict.metric().label() + " " + signedPercent(verdict.change()) + " (tolerance "
					+ percent(verdict.tolerance()) + ")")
			.collect(Collectors.joining(", "));
	}

	private static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
	}

	private static String signedPercent(double fraction) {
		return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
	}

}
