package dev.perfwatch.loadgen.run;

import org.junit.jupiter.api.Test;

import dev.perfwatch.loadgen.http.TraceParent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SlowestRequestsTests {

	@Test
	void keepsOnlyTheSlowestSlowestFirst() {
		SlowestRequests slowest = new SlowestRequests(3);
		for (long latency : new long[] { 5, 50, 1, 40, 30, 2, 60 }) {
			slowest.offer(latency, 0, latency, new TraceParent(0, latency, 1), 200);
		}

		assertThat(slowest.slowestFirst()).extracting(SlowestRequests.SlowRequest::latencyNanos).containsExactly(60L, 50L, 40L);
		assertThat(slowest.slowestFirst().get(0).traceId()).isEqualTo("0000000000000000000000000000003c");
	}

	@Test
	void keepsWhenEachSlowRequestWasSentAndEnded() {
		SlowestRequests slowest = new SlowestRequests(2);
		slowest.offer(900, 1_000, 1_800, new TraceParent(0, 1, 1), 200);
		slowest.offer(700, 2_000, 2_650, new TraceParent(0, 2, 1), 0);
		slowest.offer(100, 3_000, 3_100, new TraceParent(0, 3, 1), 200);

		assertThat(slowest.slowestFirst()).extracting(SlowestRequests.SlowRequest::sentNanos,
				SlowestRequests.SlowRequest::doneNanos, SlowestRequests.SlowRequest::status)
			.containsExactly(tuple(1_000L, 1_800L, 200), tuple(2_000L, 2_650L, 0));
	}

}
