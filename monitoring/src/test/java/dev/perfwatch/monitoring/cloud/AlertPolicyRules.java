package dev.perfwatch.monitoring.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.AlertPolicy;
import com.google.monitoring.v3.AlertPolicy.Condition;
import com.google.monitoring.v3.AlertPolicy.Condition.MetricThreshold;
import com.google.monitoring.v3.AlertPolicy.Condition.PrometheusQueryLanguageCondition;

/**
 * What an alert policy must get right beyond its JSON shape: real Cloud Run metrics, aligners that
 * suit them, thresholds in the metric's unit, burn-rate selectors that name one of our SLOs, and
 * documentation a person woken at night can act on.
 *
 * @param sloNames full resource names of the SLOs the policies may reference
 * @param runbookAnchors anchors of docs/monitoring.md headings
 */
record AlertPolicyRules(Set<String> sloNames, Set<String> runbookAnchors) {

	private static final Pattern RUNBOOK_LINK = Pattern.compile("docs/monitoring\\.md#([a-z0-9-]+)");

	private static final Pattern PROMQL_METRIC = Pattern.compile("\\b([a-z_]+_com:[a-z_]+)\\b");

	private static final Pattern NUMBERED_STEP = Pattern.compile("(?m)^1\\. ");

	List<String> check(AlertPolicy policy) {
		String name = "policy '" + policy.getDisplayName() + "'";
		List<String> problems = new ArrayList<>(documentationProblems(name, policy.getDocumentation()));
		if (policy.getConditionsCount() == 0) {
			problems.add(name + ": no conditions");
		}
		for (Condition condition : policy.getConditionsList()) {
			String where = name + " / condition '" + condition.getDisplayName() + "'";
			switch (condition.getConditionCase()) {
				case CONDITION_THRESHOLD -> problems.addAll(thresholdProblems(where, condition.getConditionThreshold()));
				case CONDITION_PROMETHEUS_QUERY_LANGUAGE ->
					problems.addAll(promQlProblems(where, condition.getConditionPrometheusQueryLanguage()));
				default -> problems.add(where + ": unchecked condition kind " + condition.getConditionCase());
			}
		}
		return problems;
	}

	private List<String> documentationProblems(String name, AlertPolicy.Documentation documentation) {
		List<String> problems = new ArrayList<>();
		String content = documentation.getContent();
		if (content.isBlank()) {
			problems.add(name + ": no documentation; the person paged gets no instructions");
			return problems;
		}
		if (!"text/markdown".equals(documentation.getMimeType())) {
			problems.add(name + ": documentation mimeType must be text/markdown");
		}
		if (!NUMBERED_STEP.matcher(content).find()) {
			problems.add(name + ": documentation has no numbered steps to act on");
		}
		Matcher link = RUNBOOK_LINK.matcher(content);
		if (!link.find()) {
			problems.add(name + ": documentation links no runbook section in docs/monitoring.md");
		}
		else if (!this.runbookAnchors.contains(link.group(1))) {
			problems.add(name + ": runbook link #" + link.group(1) + " matches no heading of docs/monitoring.md");
		}
		return problems;
	}

	private List<String> thresholdProblems(String where, MetricThreshold threshold) {
		List<String> problems = new ArrayList<>();
		MonitoringFilter filter = new MonitoringFilter(threshold.getFilter());
		Optional<String> slo = filter.burnRateSlo();
		String unit;
		if (slo.isPresent()) {
			if (!this.sloNames.contains(slo.get())) {
				problems.add(where + ": select_slo_burn_rate names unknown SLO " + slo.get());
			}
			if (filter.burnRateLookbackSeconds().orElse(0L) < 60) {
				problems.add(where + ": burn-rate lookback must be at least 1 minute");
			}
			unit = "burn rate";
		}
		else {
			Optional<CloudRunMetric> metric = knownMetric(where, filter, problems);
			if (metric.isEmpty()) {
				return problems;
			}
			if (threshold.getAggregationsCount() == 0) {
				problems.add(where + ": no aggregation; raw " + metric.get().type() + " points are not comparable");
				return problems;
			}
			Aggregation aggregation = threshold.getAggregations(0);
			problems.addAll(AggregationRules.check(where, metric.get(), aggregation, false));
			unit = AggregationRules.resultUnit(metric.get(), aggregation);
			if (!threshold.getDenominatorFilter().isEmpty()) {
				Optional<CloudRunMetric> denominator = knownMetric(where + " (denominator)",
						new MonitoringFilter(threshold.getDenominatorFilter()), problems);
				denominator.ifPresent((d) -> problems.addAll(AggregationRules.check(where + " (denominator)", d,
						threshold.getDenominatorAggregations(0), false)));
				unit = "ratio";
			}
			if (threshold.getDuration().getSeconds() < 60) {
				problems.add(where + ": duration below 60 s pages on a single noisy sample");
			}
		}
		Thresholds.problem(unit, threshold.getThresholdValue()).ifPresent((p) -> problems.add(where + ": " + p));
		if (threshold.hasForecastOptions()) {
			long horizon = threshold.getForecastOptions().getForecastHorizon().getSeconds();
			if (horizon < 3600 || horizon > 7 * 86400) {
				problems.add(where + ": forecastHorizon must lie between 1 hour and 7 days");
			}
		}
		return problems;
	}

	private List<String> promQlProblems(String where, PrometheusQueryLanguageCondition condition) {
		List<String> problems = new ArrayList<>();
		Matcher names = PROMQL_METRIC.matcher(condition.getQuery());
		boolean any = false;
		while (names.find()) {
			any = true;
			String name = names.group(1);
			String base = name.replaceFirst("_(bucket|count|sum)$", "");
			Optional<CloudRunMetric> metric = CloudRunMetrics.byPromQlName(base);
			if (metric.isEmpty()) {
				problems.add(where + ": PromQL metric " + name + " is no known Cloud Run metric");
			}
			else if (metric.get().isDistribution() == base.equals(name)) {
				problems.add(where + ": " + name + (metric.get().isDistribution()
						? " is a distribution; query its _bucket series" : " has no _bucket/_count/_sum series"));
			}
		}
		if (!any) {
			problems.add(where + ": PromQL query names no Cloud Run metric");
		}
		if (!condition.getQuery().contains("monitored_resource=\"" + CloudRunMetrics.RESOURCE_TYPE + "\"")) {
			problems.add(where + ": PromQL query must select monitored_resource=\"cloud_run_revision\"");
		}
		if (condition.getDuration().getSeconds() < 60) {
			problems.add(where + ": duration below 60 s");
		}
		return problems;
	}

	private Optional<CloudRunMetric> knownMetric(String where, MonitoringFilter filter, List<String> problems) {
		Optional<String> type = filter.metricType();
		if (type.isEmpty()) {
			problems.add(where + ": filter names no metric.type: " + filter.text());
			return Optional.empty();
		}
		Optional<CloudRunMetric> metric = CloudRunMetrics.byType(type.get());
		if (metric.isEmpty()) {
			problems.add(where + ": " + type.get() + " is no known Cloud Run metric");
		}
		if (!filter.resourceType().map(CloudRunMetrics.RESOURCE_TYPE::equals).orElse(false)) {
			problems.add(where + ": filter must select resource.type=\"cloud_run_revision\"");
		}
		return metric;
	}

}
