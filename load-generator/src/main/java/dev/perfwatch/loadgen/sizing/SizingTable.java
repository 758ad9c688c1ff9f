package dev.perfwatch.loadgen.sizing;

import java.io.PrintWriter;
import java.util.Locale;

import dev.perfwatch.loadgen.report.TextReport;
import dev.perfwatch.loadgen.sizing.KneeFinder.StepVerdict;

/** The report for a reader: the steps, the settings per service, the costs, and why. */
final class SizingTable {

	private SizingTable() {
	}

	static void print(SizingReport report, PrintWriter out) {
		out.printf(Locale.ROOT, "Cloud Run sizing for %s req/s at the entry point, p99 objective %s ms (%s), "
				+ "errors at most %s %%%n", fmt(report.targetRate()), fmt(report.objective().p99Ms()),
				report.objective().source(), fmt(100 * report.objective().maxErrorRatio()));
		out.printf(Locale.ROOT, "measurements: %s%s%s%n", report.measurements(),
				report.measuredAt().isEmpty() ? "" : ", " + report.measuredAt(),
				report.environment().isEmpty() ? "" : ", " + report.environment());
		out.println();
		out.println("load steps (end to end at the entry point)");
		out.printf(Locale.ROOT, "  %-10s %-10s %-10s %-8s %s%n", "offered", "achieved", "p99 ms", "errors", "objective");
		for (StepVerdict step : report.steps()) {
			out.printf(Locale.ROOT, "  %-10s %-10s %-10s %-8s %s%n", fmt(step.rateTarget()), fmt(step.rateAchieved()),
					fmt(step.p99Ms()), String.format(Locale.ROOT, "%.2f%%", 100 * step.errorRatio()),
					step.meets() ? "met" : "missed: " + step.miss());
		}
		report.notes().forEach((note) -> out.println("  note: " + note));
		if (!report.objectiveMet()) {
			out.println();
			out.println("FAILED: " + report.problem());
			return;
		}
		out.printf(Locale.ROOT, "  knee: %s req/s offered%n", fmt(report.kneeRate()));
		out.println();
		out.println("each service at the knee (one local instance each)");
		out.printf(Locale.ROOT, "  %-22s %-9s %-11s %-10s %-13s %s%n", "service", "req/s", "cpu ms/req", "in flight",
				"peak RSS MiB", "start s");
		for (ServiceRecommendation service : report.services()) {
			out.printf(Locale.ROOT, "  %-22s %-9s %-11s %-10s %-13s %s%n", service.service(),
					fmt(service.ratePerInstance()), fmt(service.cpuMsPerRequest()), fmt(service.inFlightAtKnee()),
					fmt(service.peakRssMib()), (service.startupSeconds() != null) ? fmt(service.startupSeconds()) : "-");
		}
		out.println();
		out.printf(Locale.ROOT, "recommendation for %s req/s (US dollars a month, %s h)%n", fmt(report.targetRate()),
				fmt(CloudRunLimits.HOURS_PER_MONTH));
		out.printf(Locale.ROOT, "  %-22s %-6s %-9s %-14s %-16s %-16s %-23s %s%n", "service", "--cpu", "--memory",
				"--concurrency", "--min-instances", "--max-instances", "request-based", "instance-based");
		for (ServiceRecommendation service : report.services()) {
			out.printf(Locale.ROOT, "  %-22s %-6d %-9s %-14d %-16d %-16d %-23s %s%n", service.service(), service.cpu(),
					service.memory(), service.concurrency(), service.minInstances(), service.maxInstances(),
					range(service.costPerMonth()), dollars(service.costPerMonth().instanceBased()));
		}
		out.printf(Locale.ROOT, "  %-22s %-6s %-9s %-14s %-16s %-16s %-23s %s%n", "total", "", "", "", "", "",
				range(report.totalPerMonth()), dollars(report.totalPerMonth().instanceBased()));
		out.println("  cheaper at this steady rate: " + report.cheaperBilling()
				+ (report.cheaperBilling().equals("instance-based") ? " (deploy/deploy.sh --cpu-always-allocated)" : ""));
		out.println();
		out.println("why");
		for (ServiceRecommendation service : report.services()) {
			out.println("  " + service.service());
			service.reasons().forEach((reason) -> out.println("    " + reason));
		}
		out.println();
		out.println("assumptions");
		report.assumptions().forEach((assumption) -> out.println("  - " + assumption));
	}

	private static String range(MonthlyCost cost) {
		return dollars(cost.requestBasedLow()) + " to " + dollars(cost.requestBasedHigh());
	}

	private static String dollars(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String fmt(double value) {
		return TextReport.fmt(value);
	}

}
