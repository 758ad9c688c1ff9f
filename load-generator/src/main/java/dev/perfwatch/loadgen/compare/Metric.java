package dev.perfwatch.loadgen.compare;

/**
 * One compared figure: {@code throughput}, {@code p50_ms}, {@code p99_ms}, or
 * {@code cpu_ms_per_request} of one {@code service} (null for the others); {@code label} is how
 * the table and the verdict line name it.
 */
public record Metric(String name, String service, String label, boolean higherIsBetter) {

	static final Metric THROUGHPUT = new Metric("throughput", null, "throughput req/s", true);

	static final Metric P50 = new Metric("p50_ms", null, "p50 ms", false);

	static final Metric P99 = new Metric("p99_ms", null, "p99 ms", false);

	static Metric cpuPerRequest(String service) {
		return new Metric("cpu_ms_per_request", service, service + " CPU ms/req", false);
	}

}
