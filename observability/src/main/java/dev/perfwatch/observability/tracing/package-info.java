/**
 * How a caller's trace is read: {@code traceparent}, {@code b3} or Google's
 * {@code x-cloud-trace-context}, first that parses wins, in an order the {@code gcp} profile
 * changes for Cloud Run. A malformed header starts a new trace with one rate-limited warning, never
 * an error answer. Finished spans reach the exporter in batches from one thread, so a request
 * thread never wakes the exporter's.
 */
package dev.perfwatch.observability.tracing;
