package dev.perfwatch.observability.tracing;

import java.util.HashMap;
import java.util.Map;

import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboundPropagationTests {

	private final Propagation<String> propagation = new InboundPropagation().inboundPropagationFactory().get();

	private final TraceContext.Extractor<Map<String, String>> extractor = this.propagation.extractor(Map::get);

	@Test
	void readsW3cTraceparent() {
		TraceContext context = extract(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		assertThat(context.traceIdString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(context.spanIdString()).isEqualTo("b7ad6b7169203331");
		assertThat(context.sampled()).isTrue();
	}

	@Test
	void readsSingleAndMultiHeaderB3() {
		assertThat(extract(Map.of("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1")).traceIdString())
			.isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
		assertThat(extract(Map.of("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124", "X-B3-SpanId",
				"a2fb4a1d1a96d312", "X-B3-Sampled", "1"))
			.traceIdString()).isEqualTo("463ac35c9f6413ad48485a3953bb6124");
	}

	@Test
	void readsGoogleCloudTraceContext() {
		TraceContext context = extract(Map.of("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1"));
		assertThat(context.traceIdString()).isEqualTo("105445aa7843bc8bf206b12000100000");
		assertThat(context.sampled()).isTrue();
	}

	@Test
	void prefersTraceparentOverOtherHeaders() {
		Map<String, String> headers = new HashMap<>();
		headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		headers.put("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
		headers.put("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1");
		assertThat(extract(headers).traceIdString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
	}

	@Test
	void fallsBackToTheNextHeaderWhenTraceparentIsMalformed() {
		Map<String, String> headers = Map.of("traceparent", "00-not-a-trace-01", "b3",
				"80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
		assertThat(extract(headers).traceIdString()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
	}

	@Test
	void malformedHeadersYieldNoContextSoANewTraceStarts() {
		TraceContextOrSamplingFlags extracted = this.extractor.extract(Map.of("traceparent", "garbage", "b3",
				"zz-zz", "x-cloud-trace-context", "not/a;o=header"));
		assertThat(extracted.context()).isNull();
		assertThat(extracted.traceIdContext()).isNull();
	}

	@Test
	void writesOnlyTraceparent() {
		TraceContext context = extract(Map.of("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"));
		Map<String, String> outgoing = new HashMap<>();
		this.propagation.injector(Map<String, String>::put).inject(context, outgoing);
		assertThat(outgoing).containsOnlyKeys("traceparent");
		assertThat(outgoing.get("traceparent")).isEqualTo("00-80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-01");
	}

	private TraceContext extract(Map<String, String> headers) {
		TraceContext context = this.extractor.extract(headers).context();
		assertThat(context).as("context extracted from %s", headers).isNotNull();
		return context;
	}

}
