package dev.perfwatch.monitoring.cloud;

import com.google.api.MetricDescriptor.MetricKind;
import com.google.api.MetricDescriptor.ValueType;

/**
 * A Cloud Monitoring metric as its descriptor declares it.
 *
 * @param type the metric type, for example {@code run.googleapis.com/request_latencies}
 * @param kind gauge, delta or cumulative
 * @param valueType what one point holds
 * @param unit the UCUM unit of the values: {@code ms}, {@code s}, {@code 1}, or {@code 10^2.%} for a
 * utilization reported as a fraction (0.9 means 90 %)
 */
record CloudRunMetric(String type, MetricKind kind, ValueType valueType, String unit) {

	boolean isDistribution() {
		return this.valueType == ValueType.DISTRIBUTION;
	}

	/** The name PromQL in Cloud Monitoring gives this metric: first '/' to ':', every other '/' or '.' to '_'. */
	String promQlName() {
		int slash = this.type.indexOf('/');
		return this.type.substring(0, slash).replace('.', '_') + ":"
				+ this.type.substring(slash + 1).replace('/', '_').replace('.', '_');
	}

}
