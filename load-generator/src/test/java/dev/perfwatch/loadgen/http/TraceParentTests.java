package dev.perfwatch.loadgen.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	@Test
	void writesAW3cHeaderWithTheSampledFlag() {
		TraceParent trace = new TraceParent(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L);

		assertThat(trace.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void randomTraceIdsDifferAndAreValid() {
		TraceParent first = TraceParent.random();
		TraceParent second = TraceParent.random();

		assertThat(first.traceId()).isNotEqualTo(second.traceId());
		assertThat(first.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").hasSize(TraceParent.HEADER_LENGTH);
	}

}
