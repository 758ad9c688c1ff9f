package dev.perfwatch.observability.profiling;

import java.nio.file.Path;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.perfwatch.profiles.format.SpanEvent;

/**
 * Records each span finished during a window as a {@link SpanEvent} (the tree and names a trace's
 * flame graph is drawn with), and tags a local root finished during a window with how to draw its
 * flame graph, so Zipkin shows which traces were profiled.
 */
final class FinishedSpanRecorder extends SpanHandler {

	static final String PROFILE_TAG = "perfwatch.profile";

	private final Path profilesDir;

	FinishedSpanRecorder(Path profilesDir) {
		this.profilesDir = profilesDir.toAbsolutePath();
	}

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		if (cause != Cause.FINISHED) {
			return true;
		}
		SpanEvent event = new SpanEvent();
		if (!event.isEnabled()) {
			return true;
		}
		event.traceIdHigh = context.traceIdHigh();
		event.traceIdLow = context.traceId();
		event.spanId = context.spanId();
		event.parentId = context.parentIdAsLong();
		event.name = span.name();
		event.kind = (span.kind() != null) ? span.kind().name() : "LOCAL";
		event.service = span.localServiceName();
		event.startMicros = span.startTimestamp();
		event.durationMicros = span.finishTimestamp() - span.startTimestamp();
		event.commit();
		if (context.isLocalRoot()) {
			span.tag(PROFILE_TAG, "profiles --dir " + this.profilesDir + " --trace " + context.traceIdString());
		}
		return true;
	}

}
