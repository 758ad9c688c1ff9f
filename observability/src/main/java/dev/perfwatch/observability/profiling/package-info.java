/**
 * The in-service continuous profiler, off in the {@code gcp} profile where the Cloud Profiler
 * agent samples instead: async-profiler records CPU, allocations and wall-clock time together in
 * one JFR window per period, with the span scopes and finished spans that tie samples to traces,
 * into files in profile-format's layout; the {@code profiles} command draws the flame graphs
 * (docs/profiling.md).
 */
package dev.perfwatch.observability.profiling;
