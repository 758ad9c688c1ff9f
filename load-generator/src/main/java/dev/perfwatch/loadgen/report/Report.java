package dev.perfwatch.loadgen.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of a run as written to {@code --out}: a stable contract for CI and dashboards.
 * Field names are written in snake_case; new fields may be added, existing ones keep their
 * meaning. Latency is in milliseconds, counted from each request's intended start.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int schemaVersion, String startedAt, Settings settings, Requests requests, Rate rate,
		double measuredSeconds, Latency latencyMs, Latency serviceTimeMs, Errors errors, List<SlowRequest> slowest,
		List<Step> steps, List<Interval> timeline, String histogramLog) {

	public static final int SCHEMA_VERSION = 1;

	/** How the run was asked for; absent values did not apply to the mode. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Settings(String mode, String url, Long requests, Integer concurrency, List<Double> rates,
			Double stepSeconds, Double durationSeconds, double warmupSeconds, double timeoutSeconds,
			double lateThresholdMs, int threads, String traceUi) {
	}

	/**
	 * @param sent measured requests started
	 * @param lateStarts requests started later than the late threshold after their intended start
	 * @param droppedStarts intended starts never made because the run ended first
	 * @param warmup requests sent during the warmup (not in any other figure)
	 * @param unfinished requests still in flight when the run stopped waiting
	 */
	public record Requests(long sent, long succeeded, long failed, long lateStarts, long droppedStarts, long warmup,
			long unfinished) {
	}

	/** Requests per second; {@code target} is absent for closed-model and recipe runs. */
	public record Rate(Double target, double achieved) {
	}

	public record Latency(long count, double min, double mean, double p50, double p90, double p95, double p99,
			double p999, double max) {
	}

	/**
	 * @param ratio failed / sent
	 * @param byStatusClass responses of 400 and above, by class ({@code 4xx}, {@code 5xx})
	 * @param byException requests that ended without a response, by exception type
	 */
	public record Errors(long total, double ratio, Map<String, Long> byStatusClass, Map<String, Long> byException) {
	}

	/**
	 * @param status the HTTP status, or 0 when the request timed out
	 * @param profile whether a profile window covers the request; absent without {@code --profiles-dir}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SlowRequest(String traceId, double latencyMs, int status, String traceUrl, Profile profile) {
	}

	/**
	 * @param profiled a complete window of some service spans the request, from when it was sent
	 * to when it ended
	 * @param command draws the request's trace flame graph across the services; only when profiled
	 * @param reason why not: {@code between windows}, or {@code window still recording} (run again
	 * once the window completes); only when not profiled
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Profile(boolean profiled, String command, String reason) {
	}

	/** One step of a stepped open-model run; {@code rateAchieved} counts requests started. */
	public record Step(double rateTarget, double rateAchieved, long sent, long failed, long lateStarts,
			Latency latencyMs) {
	}

	/** Latency of the requests that completed in one second of the run. */
	public record Interval(double endSeconds, long count, double p50, double p90, double p99, double max) {
	}

}
