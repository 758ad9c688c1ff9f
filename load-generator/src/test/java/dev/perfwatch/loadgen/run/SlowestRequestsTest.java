package dev.perfwatch.loadgen.run;

import org.junit.jupiter.api.Test;

import dev.perfwatch.loadgen.http.TraceParent;

import static org.assertj.core.api.Assertions.assertThat;

class SlowestRequestsTest {

	@Test
	void keepsOnlyTheSlowestSlowestFirst() {
		SlowestRequests slowest = new SlowestRequests(3);
		for (long latency : new long[] { 5, 50, 1, 40, 30, 2, 60 }) {
			slowest.offer(latency, new TraceParent(0, latency, 1), 200);
		}

		assertThat(slowest.slowestFirst()).extracting(SlowestRequests.SlowRequest::latencyNanos).containsExactly(60L, 50L, 40L);
		assertThat(slowest.slowestFirst().get(0).traceId()).isEqualTo("0000000000000000000000000000003c");
	}

}
