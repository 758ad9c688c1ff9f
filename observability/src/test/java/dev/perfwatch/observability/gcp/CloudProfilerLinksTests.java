package dev.perfwatch.observability.gcp;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler.Cause;
import brave.propagation.TraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudProfilerLinksTests {

	private final CloudProfilerLinks links = new CloudProfilerLinks("data-service", "data-service-00042-abc", "perfwatch-prod");

	private static final long FINISH_MICROS = 1_764_670_533_250_000L;

	private final Tracing tracing = Tracing.newBuilder().build();

	@AfterEach
	void close() {
		this.tracing.close();
	}

	@Test
	void aLocalRootNamesTheProfilesOfItsServiceRevisionAndMinute() {
		TraceContext root = this.tracing.tracer().newTrace().context();
		MutableSpan span = finished(root);

		assertThat(this.links.end(root, span, Cause.FINISHED)).isTrue();

		assertThat(span.tags()).containsEntry("profiler.service", "data-service")
			.containsEntry("profiler.version", "data-service-00042-abc")
			.containsEntry("profiler.minute", "2025-12-02T10:15:00Z")
			.containsEntry("profiler.console", "https://console.cloud.google.com/profiler?project=perfwatch-prod");
	}

	@Test
	void childSpansAndAbandonedOnesAreLeftAlone() {
		TraceContext root = this.tracing.tracer().newTrace().context();
		TraceContext child = this.tracing.tracer().newChild(root).context();
		MutableSpan childSpan = finished(child);
		MutableSpan abandoned = finished(root);

		this.links.end(child, childSpan, Cause.FINISHED);
		this.links.end(root, abandoned, Cause.ABANDONED);

		assertThat(childSpan.tags()).isEmpty();
		assertThat(abandoned.tags()).isEmpty();
	}

	private static MutableSpan finished(TraceContext context) {
		MutableSpan span = new MutableSpan(context, null);
		span.startTimestamp(FINISH_MICROS - 1000);
		span.finishTimestamp(FINISH_MICROS);
		return span;
	}

}
