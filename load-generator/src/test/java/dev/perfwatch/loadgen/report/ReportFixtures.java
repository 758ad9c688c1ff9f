package dev.perfwatch.loadgen.report;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.perfwatch.loadgen.run.RunClock;
import dev.perfwatch.loadgen.run.RunRecorder;
import dev.perfwatch.loadgen.run.RunResult;
import dev.perfwatch.loadgen.run.SlowestRequests;

/** Small hand-made reports for gate and comparison tests. */
public final class ReportFixtures {

	private ReportFixtures() {
	}

	/** A closed-loop report with the given latency, failures out of {@code sent}, and achieved rate. */
	public static Report report(double p50, double p99, long sent, long failed, double achieved) {
		Report.Latency latency = new Report.Latency(sent - failed, p50 / 2, p50 * 1.1, p50, p50 * 1.5, p99 * 0.8, p99,
				p99 * 1.2, p99 * 1.5);
		return new Report(Report.SCHEMA_VERSION, "2026-11-25T00:00:00Z",
				new Report.Settings("closed", "http://127.0.0.1:8080/", sent, 10, null, null, null, 0, 30, 10, 2,
						TraceLinks.ZIPKIN_LOCAL),
				new Report.Requests(sent, sent - failed, failed, 0, 0, 0, 0), new Report.Rate(null, achieved), 10,
				latency, null, new Report.Errors(failed, (double) failed / sent, Map.of("5xx", failed), Map.of()),
				List.of(), null, List.of(), null);
	}

	/** A closed-loop run whose only notable result is its slowest requests (times on {@code clock}). */
	public static RunResult run(RunClock clock, List<SlowestRequests.SlowRequest> slowest) {
		Histogram latency = new Histogram(3);
		slowest.forEach((slow) -> latency.recordValue(slow.latencyNanos() / 1000));
		RunRecorder.Counts counts = new RunRecorder.Counts(0, slowest.size(), slowest.size(), 0, 0, 0, Map.of(),
				clock.startNanos());
		return new RunResult(clock, counts, latency, latency, List.of(), List.of(), slowest, 10, 0);
	}

	/** The report of {@code run} as the command builds it, with {@code profiles} or without ({@code null}). */
	public static Report report(RunResult run, ProfileLinks profiles) {
		Report.Settings settings = new Report.Settings("closed", "http://127.0.0.1:8080/", (long) run.slowest().size(),
				2, null, null, null, 0, 30, 10, 2, TraceLinks.ZIPKIN_LOCAL);
		return ReportBuilder.build(run, settings, null, List.of(), new TraceLinks(TraceLinks.ZIPKIN_LOCAL), profiles,
				null);
	}

}
