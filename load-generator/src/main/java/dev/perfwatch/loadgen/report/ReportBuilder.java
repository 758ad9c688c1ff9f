package dev.perfwatch.loadgen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import dev.perfwatch.loadgen.run.IntervalStats;
import dev.perfwatch.loadgen.run.RunResult;
import dev.perfwatch.loadgen.run.SlowestRequests;

/** Turns a run's counters and histograms into the {@link Report} contract. */
public final class ReportBuilder {

	private static final double MICROS_PER_MILLI = 1000.0;

	private ReportBuilder() {
	}

	/**
	 * @param targetRate the mean intended rate, or {@code null} when the model has none
	 * @param stepRates each step's target rate and duration in seconds, empty unless stepped
	 * @param profiles whether profile windows cover the slowest requests, or {@code null} when no
	 * profiles directory was given
	 */
	public static Report build(RunResult result, Report.Settings settings, Double targetRate,
			List<double[]> stepRates, TraceLinks links, ProfileLinks profiles, String histogramLog) {
		var counts = result.counts();
		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Long> byException = new TreeMap<>();
		counts.errorsByKind().forEach((kind, count) -> {
			if (kind.matches("\\dxx")) {
				byStatus.put(kind, count);
			}
			else {
				byException.put(kind, count);
			}
		});
		double ratio = (counts.sent() > 0) ? (double) counts.failed() / counts.sent() : 0;
		Report.Errors errors = new Report.Errors(counts.failed(), ratio, byStatus, byException);
		List<Report.SlowRequest> slowest = new ArrayList<>();
		for (SlowestRequests.SlowRequest slow : result.slowest()) {
			String traceId = slow.traceId();
			Report.Profile profile = (profiles != null) ? profiles.profile(traceId,
					result.clock().instant(slow.sentNanos()), result.clock().instant(slow.doneNanos())) : null;
			slowest.add(new Report.SlowRequest(traceId, round(slow.latencyNanos() / 1e6), slow.status(),
					links.link(traceId), profile));
		}
		List<Report.Step> steps = new ArrayList<>();
		if (!stepRates.isEmpty()) {
			for (int i = 0; i < result.steps().size(); i++) {
				RunResult.StepResult step = result.steps().get(i);
				double[] rate = stepRates.get(i);
				steps.add(new Report.Step(rate[0], round(step.counts().sent() / rate[1]), step.counts().sent(),
						step.counts().failed(), step.counts().lateStarts(), latency(step.latency())));
			}
		}
		List<Report.Interval> timeline = new ArrayList<>();
		for (IntervalStats interval : result.intervals()) {
			timeline.add(new Report.Interval(round(interval.endSeconds()), interval.count(), interval.p50(),
					interval.p90(), interval.p99(), interval.max()));
		}
		Report.Requests requests = new Report.Requests(counts.sent(), counts.succeeded(), counts.failed(),
				counts.lateStarts(), counts.droppedStarts(), counts.warmupSent(), result.unfinished());
		return new Report(Report.SCHEMA_VERSION, result.startedAt().toString(), settings, requests,
				new Report.Rate((targetRate != null) ? round(targetRate) : null, round(result.achievedRate())),
				round(result.measuredSeconds()), latency(result.latency()),
				(targetRate != null) ? latency(result.serviceTime()) : null, errors, slowest,
				steps.isEmpty() ? null : steps, timeline, histogramLog);
	}

	/** Percentiles straight from the HdrHistogram (microseconds) in milliseconds. */
	static Report.Latency latency(Histogram histogram) {
		if (histogram.getTotalCount() == 0) {
			return new Report.Latency(0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		return new Report.Latency(histogram.getTotalCount(), ms(histogram.getMinValue()),
				round(histogram.getMean() / MICROS_PER_MILLI), ms(histogram.getValueAtPercentile(50)),
				ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(95)),
				ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
				ms(histogram.getMaxValue()));
	}

	private static double ms(long micros) {
		return round(micros / MICROS_PER_MILLI);
	}

	/** Three decimals: microsecond resolution in milliseconds, without float noise in the JSON. */
	static double round(double value) {
		return Math.round(value * 1000.0) / 1000.0;
	}

}
