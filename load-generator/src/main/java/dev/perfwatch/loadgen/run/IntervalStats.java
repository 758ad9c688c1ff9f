package dev.perfwatch.loadgen.run;

/** Latency of the requests that completed during one sampling interval, in milliseconds. */
public record IntervalStats(double endSeconds, long count, double p50, double p90, double p99, double max) {
}
