package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.perfwatch.loadgen.http.HttpTransport;
import dev.perfwatch.loadgen.http.ResponseListener;
import dev.perfwatch.loadgen.http.TraceParent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target that stalls once for a second while the open model keeps its schedule over a single
 * connection: the requests queued behind the stall must show up in the corrected latency,
 * although each of them, once sent, was served quickly.
 */
class CoordinatedOmissionTests {

	private final ScheduledExecutorService target = Executors.newScheduledThreadPool(2);

	@AfterEach
	void stopTarget() {
		this.target.shutdownNow();
	}

	@Test
	void aStalledTargetShowsInTheCorrectedPercentiles() throws InterruptedException {
		AtomicInteger served = new AtomicInteger();
		HttpTransport stallsOnce = new HttpTransport() {
			@Override
			public void send(TraceParent trace, ResponseListener listener) {
				long delayMillis = (served.getAndIncrement() == 10) ? 1000 : 1;
				CoordinatedOmissionTests.this.target.schedule(() -> listener.onResponse(200), delayMillis,
						TimeUnit.MILLISECONDS);
			}

			@Override
			public void close() {
			}
		};
		OpenModel model = new OpenModel(List.of(new RateStep(100, Duration.ofSeconds(2))), 1, Duration.ZERO);
		LoadRun run = new LoadRun(stallsOnce,
				new LoadRun.Settings(Duration.ofSeconds(5), Duration.ofMillis(10), 5, null, Duration.ofSeconds(1)),
				ProgressListener.NONE);

		RunResult result = run.execute(model);

		// About 100 of the 200 requests were due during the stall; they waited 0 to 1000 ms.
		assertThat(result.counts().sent()).isEqualTo(200);
		assertThat(result.counts().lateStarts()).isGreaterThan(50);
		assertThat(result.latency().getValueAtPercentile(90)).isGreaterThan(500_000);
		assertThat(result.latency().getMaxValue()).isGreaterThan(900_000);
		// Service time only sees the one stalled request.
		assertThat(result.serviceTime().getValueAtPercentile(90)).isLessThan(100_000);
		assertThat(result.serviceTime().getMaxValue()).isGreaterThan(900_000);
	}

	@Test
	void startsStillWaitingWhenTheRunEndsAreCountedAsDropped() throws InterruptedException {
		HttpTransport neverAnswersInTime = new HttpTransport() {
			@Override
			public void send(TraceParent trace, ResponseListener listener) {
				CoordinatedOmissionTests.this.target.schedule(() -> listener.onResponse(200), 3, TimeUnit.SECONDS);
			}

			@Override
			public void close() {
			}
		};
		OpenModel model = new OpenModel(List.of(new RateStep(50, Duration.ofSeconds(1))), 1, Duration.ZERO);
		LoadRun run = new LoadRun(neverAnswersInTime,
				new LoadRun.Settings(Duration.ofSeconds(5), Duration.ofMillis(10), 5, null, Duration.ofSeconds(1)),
				ProgressListener.NONE);

		RunResult result = run.execute(model);

		assertThat(result.counts().sent()).isEqualTo(1);
		assertThat(result.counts().droppedStarts()).isEqualTo(49);
		assertThat(result.counts().succeeded()).isEqualTo(1);
	}

}
