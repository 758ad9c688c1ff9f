package dev.perfwatch.observability.gcp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

/**
 * Tags each local root span with where its service's Cloud Profiler profiles of that moment are:
 * the profiler's service and version names and the minute the span ended. Cloud Profiler has no
 * per-span view and no deep link to a time, so this is the honest jump from a slow span in Cloud
 * Trace: the same service and revision, profiled around the same time (docs/cloud-profiler.md).
 */
final class CloudProfilerLinks extends SpanHandler {

	static final String SERVICE_TAG = "profiler.service";

	static final String VERSION_TAG = "profiler.version";

	static final String TIME_TAG = "profiler.minute";

	static final String CONSOLE_TAG = "profiler.console";

	private final String service;

	private final String version;

	private final String console;

	/**
	 * @param service the name the Cloud Profiler agent profiles under
	 * @param version the version it profiles under
	 * @param project the Google Cloud project
	 */
	CloudProfilerLinks(String service, String version, String project) {
		this.service = service;
		this.version = version;
		this.console = "https://console.cloud.google.com/profiler?project=" + project;
	}

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		if (cause == Cause.FINISHED && context.isLocalRoot()) {
			span.tag(SERVICE_TAG, this.service);
			span.tag(VERSION_TAG, this.version);
			span.tag(TIME_TAG, Instant.ofEpochSecond(span.finishTimestamp() / 1_000_000).truncatedTo(ChronoUnit.MINUTES).toString());
			span.tag(CONSOLE_TAG, this.console);
		}
		return true;
	}

}
