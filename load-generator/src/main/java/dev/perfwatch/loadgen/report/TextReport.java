package dev.perfwatch.loadgen.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-of-run summary a person reads in the terminal. */
public final class TextReport {

	private TextReport() {
	}

	public static void print(Report report, PrintStream out) {
		Report.Settings settings = report.settings();
		Report.Requests requests = report.requests();
		out.println();
		out.printf(Locale.ROOT, "%s run against %s%n", settings.mode(), settings.url());
		out.printf(Locale.ROOT, "  requests    sent %d, succeeded %d, failed %d%s%n", requests.sent(), requests.succeeded(),
				requests.failed(), (requests.warmup() > 0) ? " (plus " + requests.warmup() + " in warmup, not counted)" : "");
		String target = (report.rate().target() != null) ? fmt(report.rate().target()) + " req/s"
				: "none (" + settings.mode() + " model: the target sets the pace)";
		out.printf(Locale.ROOT, "  rate        target %s, achieved %s req/s over %s s%n", target,
				fmt(report.rate().achieved()), fmt(report.measuredSeconds()));
		out.printf(Locale.ROOT, "  starts      late %d (later than %s ms after intended), dropped %d, unfinished %d%n",
				requests.lateStarts(), fmt(settings.lateThresholdMs()), requests.droppedStarts(), requests.unfinished());
		out.printf(Locale.ROOT, "  failures    %s%n", failures(report.errors()));
		out.printf(Locale.ROOT, "  latency ms  %s%n", latencyLine(report.latencyMs()));
		out.println("              (from each request's intended start, coordinated-omission corrected)");
		if (report.serviceTimeMs() != null) {
			out.printf(Locale.ROOT, "  service ms  %s%n", latencyLine(report.serviceTimeMs()));
			out.println("              (from the moment each request was sent: what an uncorrected tool reports)");
		}
		if (report.steps() != null) {
			out.println("  steps       target   achieved   sent     failed   late     p50 ms    p99 ms    max ms");
			for (Report.Step step : report.steps()) {
				out.printf(Locale.ROOT, "              %-8s %-10s %-8d %-8d %-8d %-9s %-9s %s%n", fmt(step.rateTarget()),
						fmt(step.rateAchieved()), step.sent(), step.failed(), step.lateStarts(),
						fmt(step.latencyMs().p50()), fmt(step.latencyMs().p99()), fmt(step.latencyMs().max()));
			}
		}
		if (!report.slowest().isEmpty()) {
			printSlowest(report.slowest(), out);
		}
	}

	private static void printSlowest(List<Report.SlowRequest> slowest, PrintStream out) {
		boolean profiles = slowest.get(0).profile() != null;
		int traceWidth = slowest.stream().mapToInt((slow) -> slow.traceUrl().length()).max().orElse(0);
		out.println(profiles ? "  slowest     latency ms  status  " + pad("trace", traceWidth) + "  profile"
				: "  slowest     latency ms  status  trace");
		for (Report.SlowRequest slow : slowest) {
			String row = String.format(Locale.ROOT, "              %-11s %-7s ", fmt(slow.latencyMs()),
					(slow.status() == 0) ? "timeout" : String.valueOf(slow.status()));
			out.println(profiles ? row + pad(slow.traceUrl(), traceWidth) + "  " + profileColumn(slow.profile())
					: row + slow.traceUrl());
		}
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	/** The profile column: the command of the trace flame graph, or why there is none. */
	static String profileColumn(Report.Profile profile) {
		return profile.profiled() ? profile.command() : "not profiled (" + profile.reason() + ")";
	}

	static String latencyLine(Report.Latency latency) {
		return String.format(Locale.ROOT, "min %s  mean %s  p50 %s  p90 %s  p95 %s  p99 %s  p99.9 %s  max %s",
				fmt(latency.min()), fmt(latency.mean()), fmt(latency.p50()), fmt(latency.p90()), fmt(latency.p95()),
				fmt(latency.p99()), fmt(latency.p999()), fmt(latency.max()));
	}

	private static String failures(Report.Errors errors) {
		if (errors.total() == 0) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, Long> entry : errors.byStatusClass().entrySet()) {
			parts.add("HTTP " + entry.getKey() + " " + entry.getValue());
		}
		for (Map.Entry<String, Long> entry : errors.byException().entrySet()) {
			parts.add(entry.getKey() + " " + entry.getValue());
		}
		return String.format(Locale.ROOT, "%d (%s%%): %s", errors.total(), fmt(errors.ratio() * 100),
				String.join(", ", parts));
	}

	/** At most three significant decimals, no trailing zeros. */
	public static String fmt(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.valueOf((long) value);
		}
		String text = String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%.1f" : "%.3f", value);
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

}
