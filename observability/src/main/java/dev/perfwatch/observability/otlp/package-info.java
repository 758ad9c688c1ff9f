/**
 * Export to any OpenTelemetry backend over OTLP/HTTP: Brave spans encoded as OTLP protobuf beside
 * (or instead of) Zipkin and Cloud Trace, Micrometer's OTLP registry beside Prometheus, the
 * profiler's JFR windows pushed to a Pyroscope-compatible endpoint, and Google's OTLP endpoint
 * with Application Default Credentials in the {@code gcp} profile (docs/otlp.md).
 */
package dev.perfwatch.observability.otlp;
