package dev.perfwatch.observability.tracing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace headers that make an extractor throw are ignored like any other malformed header, and
 * warned about at most once per interval.
 */
class MalformedTraceHeadersTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/18446744073709551616;o=1",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/99999999999999999999999999;o=1",
			"/;o=1", ";", "" })
	void cloudTraceContextThatMakesTheExtractorThrowStartsANewTrace(String header) {
		assertThat(extract(Map.of("x-cloud-trace-context", header))).isEqualTo(TraceContextOrSamplingFlags.EMPTY);
	}

	@Test
	void aLaterValidHeaderStillWinsOverOneThatThrows() {
		// Extractors run in order: a throwing one must not stop the others.
		Map<String, String> headers = Map.of("x-cloud-trace-context",
				"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/18446744073709551616;o=1", "traceparent", TRACEPARENT);
		TraceContext context = extract(headers).context();

		assertThat(context.traceIdString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void throwingExtractorIsTreatedAsNoHeader() {
		MalformedHeaderWarning warning = new MalformedHeaderWarning(Duration.ofMinutes(1));
		LenientExtractor<String> extractor = new LenientExtractor<>((request) -> {
			throw new NumberFormatException("out of range for uint64: " + request);
		}, warning);

		assertThat(extractor.extract("18446744073709551616")).isEqualTo(TraceContextOrSamplingFlags.EMPTY);
	}

	@Test
	void warnsOncePerInterval() {
		AtomicLong now = new AtomicLong(1_000);
		MalformedHeaderWarning warning = new MalformedHeaderWarning(Duration.ofSeconds(60), now::get);
		RuntimeException garbage = new NumberFormatException("out of range");

		assertThat(warning.ignored(garbage)).isTrue();
		assertThat(warning.ignored(garbage)).isFalse();
		now.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(warning.ignored(garbage)).isFalse();
		now.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(warning.ignored(garbage)).isTrue();
		assertThat(warning.ignored(garbage)).isFalse();
	}

	private static TraceContextOrSamplingFlags extract(Map<String, String> headers) {
		return new InboundPropagation().inboundPropagationFactory(new InboundTracingProperties(true))
			.get()
			.<Map<String, String>>extractor(Map::get)
			.extract(headers);
	}

}
