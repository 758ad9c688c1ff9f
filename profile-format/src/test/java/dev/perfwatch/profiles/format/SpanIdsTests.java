package dev.perfwatch.profiles.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanIdsTests {

	@Test
	void aTraceIdWithAHighHalfIs32HexDigitsAsW3cAndZipkinWriteIt() {
		assertThat(SpanIds.traceId(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void a64BitTraceIdIs16HexDigitsWithLeadingZeros() {
		assertThat(SpanIds.traceId(0, 0x00f067aa0ba902b7L)).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void noIdIsNull() {
		assertThat(SpanIds.traceId(0, 0)).isNull();
		assertThat(SpanIds.spanId(0)).isNull();
	}

	@Test
	void aSpanIdIs16HexDigitsEvenWhenItsTopBitIsSet() {
		assertThat(SpanIds.spanId(0xa3ce929d0e0e4736L)).isEqualTo("a3ce929d0e0e4736");
	}

}
