package dev.perfwatch.loadgen.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfwatch.loadgen.report.TextReport;

/**
 * The settings in the form {@code deploy/deploy.sh --sizing FILE} reads: one
 * {@code SERVICE_NAME_SETTING=value} line per setting and service ({@code DATA_SERVICE_CPU=1}),
 * comments starting with {@code #}. deploy.sh parses these lines; it never sources the file.
 */
final class DeployEnvFile {

	private DeployEnvFile() {
	}

	static String render(SizingReport report) {
		List<String> lines = new ArrayList<>();
		lines.add("# Cloud Run settings from load-generator size, for deploy/deploy.sh --sizing FILE.");
		lines.add(String.format(Locale.ROOT, "# %s req/s at the entry point, p99 objective %s ms; measurements %s.",
				number(report.targetRate()), number(report.objective().p99Ms()), report.measurements()));
		lines.add("# Cheaper at this steady rate: " + report.cheaperBilling() + ".");
		for (ServiceRecommendation service : report.services()) {
			String prefix = service.service().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
			lines.add(prefix + "CPU=" + service.cpu());
			lines.add(prefix + "MEMORY=" + service.memory());
			lines.add(prefix + "CONCURRENCY=" + service.concurrency());
			lines.add(prefix + "MIN_INSTANCES=" + service.minInstances());
			lines.add(prefix + "MAX_INSTANCES=" + service.maxInstances());
		}
		return String.join("\n", lines) + "\n";
	}

	private static String number(double value) {
		return TextReport.fmt(value);
	}

}
