package dev.perfwatch.loadgen.report;

/**
 * Builds a trace UI address from a trace id: the id replaces {@code {traceId}} in the base URL
 * (as a Cloud Trace URL needs, e.g. {@code https://console.cloud.google.com/traces/list?project=P&tid={traceId}}),
 * or is appended to it (Zipkin's {@code http://127.0.0.1:9411/zipkin/traces/}).
 */
public record TraceLinks(String base) {

	public static final String ZIPKIN_LOCAL = "http://127.0.0.1:9411/zipkin/traces/";

	private static final String PLACEHOLDER = "{traceId}";

	public String link(String traceId) {
		return this.base.contains(PLACEHOLDER) ? this.base.replace(PLACEHOLDER, traceId) : this.base + traceId;
	}

}
