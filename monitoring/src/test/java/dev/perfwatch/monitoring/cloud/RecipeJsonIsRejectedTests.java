package dev.perfwatch.monitoring.cloud;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.monitoring.dashboard.v1.Dashboard;
import com.google.monitoring.v3.AlertPolicy;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recipe's dashboard and alert JSON, embedded verbatim as test resources, must fail our checks
 * for the reasons the issue names; otherwise the checks would let the same mistakes through.
 */
class RecipeJsonIsRejectedTests {

	private final AlertPolicyRules rules = new AlertPolicyRules(Set.of(), Set.of("recipe"));

	@Test
	void recipeAlertIsRejectedByTheApiMessageForAnInvalidComparison() throws Exception {
		String recipe = Files.readString(resource("alert_policy.json"));

		assertThatExceptionOfType(InvalidProtocolBufferException.class)
			.isThrownBy(() -> JsonFormat.parser().merge(recipe, AlertPolicy.newBuilder()))
			.withMessageContaining("COMPARISON_GREATER_THAN");
	}

	@Test
	void recipeAlertWithItsComparisonFixedIsRejectedForItsFilterWithoutMetricTypeAndMissingRunbook() throws Exception {
		List<String> problems = this.rules.check(recipeAlertWithValidComparison().build());

		assertThat(problems).anyMatch((p) -> p.contains("filter names no metric.type"))
			.anyMatch((p) -> p.contains("no documentation"));
	}

	@Test
	void recipeAlertWithItsMetricNamedIsStillRejectedForSecondsThresholdAndMeanOfDistribution() throws Exception {
		AlertPolicy.Builder policy = recipeAlertWithValidComparison();
		AlertPolicy.Condition.MetricThreshold.Builder threshold = policy.getConditionsBuilder(0)
			.getConditionThresholdBuilder();
		threshold.setFilter(threshold.getFilter() + " AND metric.type=\"run.googleapis.com/request_latencies\"");

		List<String> problems = this.rules.check(policy.build());

		assertThat(problems).anyMatch((p) -> p.contains("2.0 is not a plausible latency in milliseconds"))
			.anyMatch((p) -> p.contains("ALIGN_MEAN on distribution run.googleapis.com/request_latencies"));
	}

	@Test
	void recipeDashboardIsRejectedForFiltersWithoutMetricTypeAndANonCloudRunMetric() throws Exception {
		Dashboard dashboard = RenderedCloudFiles.parse(resource("dashboard_config.json"), Dashboard.newBuilder())
			.build();

		List<String> problems = DashboardRules.check(dashboard);

		assertThat(problems).anyMatch((p) -> p.startsWith("tile 'Cloud Run Request Latency'")
				&& p.contains("no metric.type"))
			.anyMatch((p) -> p.startsWith("tile 'Service CPU Utilization by Cloud Profiler'")
					&& p.contains("no metric.type"))
			.anyMatch((p) -> p.contains("cloudtrace.googleapis.com/trace_span/count is no known Cloud Run metric"));
	}

	@Test
	void strictParsingRejectsUnknownFieldsAsTheApiDoes() {
		String withTypo = "{\"displayName\": \"x\", \"conditons\": []}";

		assertThatExceptionOfType(InvalidProtocolBufferException.class)
			.isThrownBy(() -> JsonFormat.parser().merge(withTypo, AlertPolicy.newBuilder()))
			.withMessageContaining("conditons");
	}

	/** The recipe's alert with the one change that lets the API message parse it. */
	private static AlertPolicy.Builder recipeAlertWithValidComparison() throws Exception {
		String recipe = Files.readString(resource("alert_policy.json")).replace("COMPARISON_GREATER_THAN", "COMPARISON_GT");
		AlertPolicy.Builder policy = AlertPolicy.newBuilder();
		JsonFormat.parser().merge(recipe, policy);
		return policy;
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(RecipeJsonIsRejectedTests.class.getResource("/recipe/" + name).toURI());
	}

}
