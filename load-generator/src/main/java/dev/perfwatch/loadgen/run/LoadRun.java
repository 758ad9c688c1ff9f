package dev.perfwatch.loadgen.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.perfwatch.loadgen.http.HttpTransport;

/**
 * Runs one workload against one transport: issues it, samples progress every interval, waits
 * for the requests still in flight (bounded by the request timeout) and collects the result.
 */
public final class LoadRun {

	private final HttpTransport transport;

	private final Settings settings;

	private final ProgressListener progress;

	public LoadRun(HttpTransport transport, Settings settings, ProgressListener progress) {
		this.transport = transport;
		this.settings = settings;
		this.progress = progress;
	}

	public RunResult execute(Workload workload) throws InterruptedException {
		RunClock clock = RunClock.now();
		long runStart = clock.startNanos();
		RunRecorder recorder = new RunRecorder(workload.steps(), this.settings.slowest(),
				this.settings.lateThreshold().toNanos());
		Dispatcher dispatcher = new Dispatcher(this.transport, recorder, workload.maxInFlight());
		IntervalSampler sampler = new IntervalSampler(recorder, this.progress, this.settings.histogramLog(), runStart);
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "load-generator-sampler");
			thread.setDaemon(true);
			return thread;
		});
		long tick = this.settings.sampleInterval().toNanos();
		ticker.scheduleAtFixedRate(sampler::sample, tick, tick, TimeUnit.NANOSECONDS);
		long unfinished;
		try {
			workload.issue(dispatcher, recorder);
			long deadline = System.nanoTime() + workload.drainTimeout(this.settings.requestTimeout()).toNanos();
			unfinished = dispatcher.awaitIdle(deadline) ? 0 : dispatcher.inFlight();
		}
		finally {
			ticker.shutdown();
			ticker.awaitTermination(5, TimeUnit.SECONDS);
		}
		sampler.sample();
		sampler.close();
		return result(clock, recorder, sampler, unfinished);
	}

	private static RunResult result(RunClock clock, RunRecorder recorder, IntervalSampler sampler, long unfinished) {
		RunRecorder.Counts counts = recorder.counts();
		List<RunResult.StepResult> steps = new ArrayList<>();
		for (int i = 0; i < recorder.steps(); i++) {
			steps.add(new RunResult.StepResult(recorder.stepCounts(i), recorder.stepLatencyInterval(i)));
		}
		double measuredSeconds = (counts.completed() > 0)
				? Math.max(counts.lastCompletionNanos() - recorder.measureFromNanos(), 1) / 1e9 : 0;
		return new RunResult(clock, counts, sampler.latencyTotal(), sampler.serviceTimeTotal(), steps,
				sampler.intervals(), recorder.slowest().slowestFirst(), measuredSeconds, unfinished);
	}

	/**
	 * How a run measures.
	 * @param requestTimeout bound on one request
	 * @param lateThreshold a request that started later than this after its intended start is late
	 * @param slowest how many of the slowest requests to keep trace ids of
	 * @param histogramLog where to write the HdrHistogram interval log, or {@code null}
	 * @param sampleInterval how often progress is sampled
	 */
	public record Settings(Duration requestTimeout, Duration lateThreshold, int slowest, Path histogramLog,
			Duration sampleInterval) {
	}

}
