package dev.perfwatch.monitoring.cloud;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Cloud Monitoring filter string the checks need: the metric and resource types of a
 * time-series filter, or the SLO that a {@code select_slo_burn_rate} selector reads.
 */
record MonitoringFilter(String text) {

	private static final Pattern METRIC_TYPE = Pattern.compile("metric\\.type\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern RESOURCE_TYPE = Pattern.compile("resource\\.type\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern SLO_BURN_RATE = Pattern
		.compile("^select_slo_burn_rate\\(\\s*\"([^\"]+)\"\\s*,\\s*\"(\\d+)([smhd])\"\\s*\\)$");

	Optional<String> metricType() {
		return group(METRIC_TYPE, 1);
	}

	Optional<String> resourceType() {
		return group(RESOURCE_TYPE, 1);
	}

	/** The full SLO resource name, if this filter is a burn-rate selector. */
	Optional<String> burnRateSlo() {
		return group(SLO_BURN_RATE, 1);
	}

	/** The burn-rate lookback in seconds, if this filter is a burn-rate selector. */
	Optional<Long> burnRateLookbackSeconds() {
		Matcher matcher = SLO_BURN_RATE.matcher(this.text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		long amount = Long.parseLong(matcher.group(2));
		long unit = switch (matcher.group(3)) {
			case "s" -> 1;
			case "m" -> 60;
			case "h" -> 3600;
			default -> 86400;
		};
		return Optional.of(amount * unit);
	}

	private Optional<String> group(Pattern pattern, int group) {
		Matcher matcher = pattern.matcher(this.text.strip());
		return matcher.find() ? Optional.of(matcher.group(group)) : Optional.empty();
	}

}
