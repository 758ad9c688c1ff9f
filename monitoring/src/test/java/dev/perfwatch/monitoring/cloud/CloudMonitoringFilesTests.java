package dev.perfwatch.monitoring.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.monitoring.dashboard.v1.Dashboard;
import com.google.monitoring.dashboard.v1.XyChart;
import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.AlertPolicy;
import com.google.monitoring.v3.AlertPolicy.Condition.MetricThreshold;
import com.google.monitoring.v3.ComparisonType;
import com.google.monitoring.v3.Service;
import com.google.monitoring.v3.ServiceLevelObjective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CloudMonitoringFilesTests {

	private static final String SLO_PREFIX = "projects/" + RenderedCloudFiles.PROJECT_ID
			+ "/services/perfwatch-frontend/serviceLevelObjectives/";

	@TempDir
	static Path renderDirectory;

	private static RenderedCloudFiles rendered;

	private static Map<String, ServiceLevelObjective> slos;

	private static Map<String, AlertPolicy> policies;

	@BeforeAll
	static void render() throws Exception {
		rendered = RenderedCloudFiles.renderInto(renderDirectory);
		slos = rendered.files("slos")
			.stream()
			.collect(Collectors.toMap((file) -> SLO_PREFIX + RenderedCloudFiles.fileName(file),
					(file) -> RenderedCloudFiles.parse(file, ServiceLevelObjective.newBuilder()).build()));
		policies = rendered.files("alerts")
			.stream()
			.collect(Collectors.toMap(RenderedCloudFiles::fileName,
					(file) -> RenderedCloudFiles.parse(file, AlertPolicy.newBuilder()).build()));
	}

	@Test
	void serviceAndDashboardParseAsTheirApiMessages() {
		Service service = RenderedCloudFiles.parse(rendered.root().resolve("service.json"), Service.newBuilder())
			.build();
		assertThat(service.hasCustom()).isTrue();
		assertThat(dashboard().getMosaicLayout().getTilesCount()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void dashboardChartsOnlyRealCloudRunMetricsWithFittingAggregations() {
		assertThat(DashboardRules.check(dashboard())).isEmpty();
	}

	@Test
	void dashboardShowsEveryMetricTheIssueAsksFor() {
		List<String> filters = new ArrayList<>();
		dashboard().getMosaicLayout()
			.getTilesList()
			.stream()
			.filter((tile) -> tile.getWidget().hasXyChart())
			.flatMap((tile) -> tile.getWidget().getXyChart().getDataSetsList().stream())
			.map(XyChart.DataSet::getTimeSeriesQuery)
			.forEach((query) -> filters.add(query.getTimeSeriesFilter().getFilter() + " "
					+ query.getTimeSeriesFilter().getAggregation().getCrossSeriesReducer()));
		assertThat(filters).anyMatch((f) -> f.contains("run.googleapis.com/request_count"))
			.anyMatch((f) -> f.contains("request_latencies") && f.endsWith("REDUCE_PERCENTILE_50"))
			.anyMatch((f) -> f.contains("request_latencies") && f.endsWith("REDUCE_PERCENTILE_95"))
			.anyMatch((f) -> f.contains("request_latencies") && f.endsWith("REDUCE_PERCENTILE_99"))
			.anyMatch((f) -> f.contains("container/cpu/utilizations"))
			.anyMatch((f) -> f.contains("container/memory/utilizations"))
			.anyMatch((f) -> f.contains("container/instance_count"))
			.anyMatch((f) -> f.contains("container/startup_latencies"))
			.anyMatch((f) -> f.contains("container/billable_instance_time"));
	}

	@Test
	void alertPoliciesPassTheSemanticChecks() throws IOException {
		AlertPolicyRules rules = new AlertPolicyRules(slos.keySet(), RunbookAnchors.of(Path.of("../docs/monitoring.md")));
		assertThat(policies.values().stream().flatMap((policy) -> rules.check(policy).stream())).isEmpty();
	}

	@Test
	void frontendLatencyAlertFiresOnP95Above2000MsForFiveMinutes() {
		MetricThreshold threshold = policies.get("frontend-latency-p95").getConditions(0).getConditionThreshold();
		assertThat(threshold.getFilter()).contains("service_name=\"frontend-service\"")
			.contains("metric.type=\"run.googleapis.com/request_latencies\"");
		assertThat(threshold.getAggregations(0).getCrossSeriesReducer())
			.isEqualTo(Aggregation.Reducer.REDUCE_PERCENTILE_95);
		assertThat(threshold.getComparison()).isEqualTo(ComparisonType.COMPARISON_GT);
		assertThat(threshold.getThresholdValue()).isEqualTo(2000.0);
		assertThat(threshold.getDuration().getSeconds()).isEqualTo(300);
	}

	@Test
	void errorRatioAlertDividesFiveHundredsByAllRequestsAtOnePercent() {
		MetricThreshold threshold = policies.get("error-ratio-5xx").getConditions(0).getConditionThreshold();
		assertThat(threshold.getFilter()).contains("response_code_class=\"5xx\"");
		assertThat(threshold.getDenominatorFilter()).contains("run.googleapis.com/request_count")
			.doesNotContain("response_code_class");
		assertThat(threshold.getThresholdValue()).isEqualTo(0.01);
	}

	@Test
	void memoryLeakAlertFitsASlopeRatherThanALevel() {
		AlertPolicy.Condition.PrometheusQueryLanguageCondition leak = policies.get("memory-leak")
			.getConditions(0)
			.getConditionPrometheusQueryLanguage();
		assertThat(leak.getQuery()).contains("deriv(")
			.contains("run_googleapis_com:container_memory_utilizations_bucket");
		assertThat(leak.getDuration().getSeconds()).isGreaterThanOrEqualTo(900);
	}

	@Test
	void slosAreRequestBasedOverTwentyEightDaysAndPassTheSemanticChecks() {
		assertThat(slos).hasSize(2);
		assertThat(slos.values().stream().flatMap((slo) -> SloRules.check(slo).stream())).isEmpty();
		assertThat(slos.get(SLO_PREFIX + "availability").getServiceLevelIndicator().getRequestBased().hasGoodTotalRatio())
			.isTrue();
		assertThat(slos.get(SLO_PREFIX + "latency-1s").getServiceLevelIndicator().getRequestBased().getDistributionCut()
			.getRange()
			.getMax()).isEqualTo(1000.0);
	}

	@Test
	void everySloHasAFastAndASlowMultiwindowBurnRateAlert() {
		for (String slo : slos.keySet()) {
			Set<String> lookbacks = policies.values()
				.stream()
				.filter((policy) -> policy.getConditionsList()
					.stream()
					.allMatch((c) -> new MonitoringFilter(c.getConditionThreshold().getFilter()).burnRateSlo()
						.filter(slo::equals)
						.isPresent()))
				.peek((policy) -> assertThat(policy.getCombiner()).isEqualTo(AlertPolicy.ConditionCombinerType.AND))
				.flatMap((policy) -> policy.getConditionsList().stream())
				.map((c) -> c.getConditionThreshold().getThresholdValue() + "@"
						+ new MonitoringFilter(c.getConditionThreshold().getFilter()).burnRateLookbackSeconds().orElseThrow())
				.collect(Collectors.toSet());
			assertThat(lookbacks).as(slo).containsExactlyInAnyOrder("14.4@3600", "14.4@300", "6.0@21600", "6.0@1800");
		}
	}

	@Test
	void renderingLeavesNoPlaceholderAndSourcesUseOnlyProjectId() throws IOException {
		for (Path file : rendered.files("alerts")) {
			assertThat(Files.readString(file)).doesNotContainPattern("\\$\\{[A-Z_]+\\}");
		}
		String source = Files.readString(Path.of("cloud/alerts/slo-availability-burn-fast.json"));
		assertThat(source).contains("projects/${PROJECT_ID}/services/perfwatch-frontend/serviceLevelObjectives/availability");
	}

	private static Dashboard dashboard() {
		return RenderedCloudFiles.parse(rendered.root().resolve("dashboard.json"), Dashboard.newBuilder()).build();
	}

}
