package dev.perfwatch.monitoring.cloud;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.api.MetricDescriptor.MetricKind.DELTA;
import static com.google.api.MetricDescriptor.MetricKind.GAUGE;
import static com.google.api.MetricDescriptor.ValueType.DISTRIBUTION;
import static com.google.api.MetricDescriptor.ValueType.DOUBLE;
import static com.google.api.MetricDescriptor.ValueType.INT64;

/**
 * The Cloud Run system metrics (monitored resource {@code cloud_run_revision}) that our dashboards,
 * alerts and SLOs may use, with kind, value type and unit as Google's metric list gives them
 * (cloud.google.com/monitoring/api/metrics_gcp_p_z, section "run"). A filter naming anything else
 * is a mistake: the API accepts an unknown metric type silently and the chart stays empty.
 */
final class CloudRunMetrics {

	static final String RESOURCE_TYPE = "cloud_run_revision";

	private static final Map<String, CloudRunMetric> KNOWN = Stream
		.of(new CloudRunMetric("run.googleapis.com/request_count", DELTA, INT64, "1"),
				new CloudRunMetric("run.googleapis.com/request_latencies", DELTA, DISTRIBUTION, "ms"),
				new CloudRunMetric("run.googleapis.com/container/cpu/utilizations", DELTA, DISTRIBUTION, "10^2.%"),
				new CloudRunMetric("run.googleapis.com/container/memory/utilizations", DELTA, DISTRIBUTION, "10^2.%"),
				new CloudRunMetric("run.googleapis.com/container/instance_count", GAUGE, INT64, "1"),
				new CloudRunMetric("run.googleapis.com/container/startup_latencies", DELTA, DISTRIBUTION, "ms"),
				new CloudRunMetric("run.googleapis.com/container/billable_instance_time", DELTA, DOUBLE, "s"),
				new CloudRunMetric("run.googleapis.com/container/max_request_concurrencies", DELTA, DISTRIBUTION, "1"),
				new CloudRunMetric("run.googleapis.com/container/cpu/allocation_time", DELTA, DOUBLE, "s{CPU}"),
				new CloudRunMetric("run.googleapis.com/container/memory/allocation_time", DELTA, DOUBLE, "GiBy.s"),
				new CloudRunMetric("run.googleapis.com/container/network/received_bytes_count", DELTA, INT64, "By"),
				new CloudRunMetric("run.googleapis.com/container/network/sent_bytes_count", DELTA, INT64, "By"))
		.collect(Collectors.toUnmodifiableMap(CloudRunMetric::type, Function.identity()));

	private CloudRunMetrics() {
	}

	static Optional<CloudRunMetric> byType(String type) {
		return Optional.ofNullable(KNOWN.get(type));
	}

	static Optional<CloudRunMetric> byPromQlName(String name) {
		return KNOWN.values().stream().filter((metric) -> metric.promQlName().equals(name)).findFirst();
	}

}
