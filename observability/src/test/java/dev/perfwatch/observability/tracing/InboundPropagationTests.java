package dev.perfwatch.observability.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which inbound header wins, and what becomes of a caller's "not sampled".
 */
class InboundPropagationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final String CLOUD_TRACE = "105445aa7843bc8bf206b12000100000/123456789;o=1";

	private static final String B3 = "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1";

	@Test
	void prefersTraceparentOverB3AndCloudTraceContext() {
		TraceContext context = extract(true,
				Map.of("traceparent", TRACEPARENT, "b3", B3, "x-cloud-trace-context", CLOUD_TRACE)).context();

		assertThat(context.traceIdString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(context.spanIdString()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void prefersB3OverCloudTraceContext() {
		TraceContext context = extract(true, Map.of("b3", B3, "x-cloud-trace-context", CLOUD_TRACE)).context();

		assertThat(context.traceIdString()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
	}

	@Test
	void readsCloudTraceContextWithItsDecimalSpanId() {
		TraceContext context = extract(true, Map.of("x-cloud-trace-context", CLOUD_TRACE)).context();

		assertThat(context.traceIdString()).isEqualTo("105445aa7843bc8bf206b12000100000");
		assertThat(context.spanId()).isEqualTo(123456789L);
		assertThat(context.sampled()).isTrue();
	}

	@Test
	void fallsBackToCloudTraceContextWhenTraceparentIsMalformed() {
		TraceContext context = extract(true, Map.of("traceparent", "00-garbage", "x-cloud-trace-context", CLOUD_TRACE))
			.context();

		assertThat(context.traceIdString()).isEqualTo("105445aa7843bc8bf206b12000100000");
	}

	@Test
	void startsANewTraceWhenNoHeaderParses() {
		assertThat(extract(true, Map.of("traceparent", "nonsense"))).isEqualTo(TraceContextOrSamplingFlags.EMPTY);
	}

	@Test
	void honoursACallersNotSampledByDefault() {
		TraceContext context = extract(true, Map.of("traceparent", unsampled(TRACEPARENT))).context();

		assertThat(context.sampled()).isFalse();
	}

	@Test
	void leavesANotSampledDecisionToOurSamplerWhenConfigured() {
		TraceContext context = extract(false, Map.of("traceparent", unsampled(TRACEPARENT))).context();

		assertThat(context.sampled()).isNull();
		assertThat(context.traceIdString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(context.spanIdString()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void leavesCloudTraceContextsNotSampledFlagToOurSamplerWhenConfigured() {
		TraceContext context = extract(false, Map.of("x-cloud-trace-context", CLOUD_TRACE.replace("o=1", "o=0")))
			.context();

		assertThat(context.sampled()).isNull();
		assertThat(context.spanId()).isEqualTo(123456789L);
	}

	@Test
	void keepsASampledDecisionWhenConfiguredToResample() {
		assertThat(extract(false, Map.of("traceparent", TRACEPARENT)).context().sampled()).isTrue();
	}

	@Test
	void readsSingleAndMultiHeaderB3() {
		assertThat(extract(true, Map.of("b3", B3)).context().traceIdString()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
		assertThat(extract(true, Map.of("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124", "X-B3-SpanId",
				"a2fb4a1d1a96d312", "X-B3-Sampled", "1"))
			.context()
			.traceIdString()).isEqualTo("463ac35c9f6413ad48485a3953bb6124");
	}

	@Test
	void startsANewTraceWhenEveryHeaderIsMalformed() {
		assertThat(extract(true, Map.of("traceparent", "garbage", "b3", "zz-zz", "x-cloud-trace-context", "not/a;o=header")))
			.isEqualTo(TraceContextOrSamplingFlags.EMPTY);
	}

	@Test
	void writesTraceparentAndSingleHeaderB3() {
		TraceContext context = extract(true, Map.of("b3", B3)).context();
		Map<String, String> outgoing = new HashMap<>();
		new InboundPropagation().inboundPropagationFactory(new InboundTracingProperties(true))
			.get()
			.<Map<String, String>>injector(Map::put)
			.inject(context, outgoing);

		assertThat(outgoing).containsOnlyKeys("traceparent", "b3");
		assertThat(outgoing.get("traceparent")).isEqualTo("00-80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-01");
		assertThat(outgoing.get("b3")).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
	}

	@Test
	void keepsTheCallersSpanAsParentWhenB3IsReadFirstAndTheFrontEndRewroteTraceparent() {
		String rewritten = "00-80f198ee56343ba864fe8b2a57d3eff7-a7b54b18ba85b13c-01";
		Map<String, String> headers = Map.of("traceparent", rewritten, "b3", B3);
		InboundTracingProperties cloudRun = new InboundTracingProperties(true,
				List.of(InboundTracingProperties.Format.B3, InboundTracingProperties.Format.W3C,
						InboundTracingProperties.Format.CLOUD_TRACE));

		TraceContext context = new InboundPropagation().inboundPropagationFactory(cloudRun)
			.get()
			.<Map<String, String>>extractor(Map::get)
			.extract(headers)
			.context();

		assertThat(context.traceIdString()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
		assertThat(context.spanIdString()).isEqualTo("e457b5a2e4d86bd1");
		assertThat(extract(true, headers).context().spanIdString()).isEqualTo("a7b54b18ba85b13c");
	}

	private static TraceContextOrSamplingFlags extract(boolean honourUnsampled, Map<String, String> headers) {
		return new InboundPropagation().inboundPropagationFactory(new InboundTracingProperties(honourUnsampled))
			.get()
			.<Map<String, String>>extractor(Map::get)
			.extract(headers);
	}

	private static String unsampled(String traceparent) {
		return traceparent.substring(0, traceparent.length() - 2) + "00";
	}

}
