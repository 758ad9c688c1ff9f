package dev.perfwatch.monitoring.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.api.MetricDescriptor.ValueType;
import com.google.monitoring.v3.DistributionCut;
import com.google.monitoring.v3.RequestBasedSli;
import com.google.monitoring.v3.ServiceLevelObjective;
import com.google.monitoring.v3.TimeSeriesRatio;

/**
 * Request-based SLOs only, over 28 or 30 days, on real Cloud Run metrics: a good/total ratio over a
 * request count, or a latency cut over a latency distribution in milliseconds.
 */
final class SloRules {

	private SloRules() {
	}

	static List<String> check(ServiceLevelObjective slo) {
		String where = "SLO '" + slo.getDisplayName() + "'";
		List<String> problems = new ArrayList<>();
		if (slo.getGoal() < 0.9 || slo.getGoal() >= 1) {
			problems.add(where + ": goal " + slo.getGoal() + " outside 0.9..1 (a fraction, 0.995 = 99.5 %)");
		}
		long days = slo.getRollingPeriod().getSeconds() / 86400;
		if (slo.getRollingPeriod().getSeconds() % 86400 != 0 || (days != 28 && days != 30)) {
			problems.add(where + ": rollingPeriod must be 28 or 30 days");
		}
		if (!slo.getServiceLevelIndicator().hasRequestBased()) {
			problems.add(where + ": only request-based SLIs are used here");
			return problems;
		}
		RequestBasedSli sli = slo.getServiceLevelIndicator().getRequestBased();
		if (sli.hasGoodTotalRatio()) {
			TimeSeriesRatio ratio = sli.getGoodTotalRatio();
			String goodOrBad = ratio.getGoodServiceFilter().isEmpty() ? ratio.getBadServiceFilter()
					: ratio.getGoodServiceFilter();
			for (String filter : List.of(goodOrBad, ratio.getTotalServiceFilter())) {
				metric(where, filter, problems).filter((m) -> m.valueType() != ValueType.INT64)
					.ifPresent((m) -> problems.add(where + ": a good/total ratio counts requests, not " + m.type()));
			}
		}
		else {
			DistributionCut cut = sli.getDistributionCut();
			Optional<CloudRunMetric> metric = metric(where, cut.getDistributionFilter(), problems);
			metric.filter((m) -> !m.isDistribution())
				.ifPresent((m) -> problems.add(where + ": distributionCut needs a distribution, not " + m.type()));
			metric.flatMap((m) -> Thresholds.problem(m.unit(), cut.getRange().getMax()))
				.ifPresent((p) -> problems.add(where + ": range.max " + p));
		}
		return problems;
	}

	private static Optional<CloudRunMetric> metric(String where, String filterText, List<String> problems) {
		MonitoringFilter filter = new MonitoringFilter(filterText);
		Optional<CloudRunMetric> metric = filter.metricType().flatMap(CloudRunMetrics::byType);
		if (metric.isEmpty()) {
			problems.add(where + ": filter names no known Cloud Run metric: " + filterText);
		}
		return metric;
	}

}
