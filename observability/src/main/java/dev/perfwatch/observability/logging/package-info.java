/**
 * Log lines joined to traces: trace and span ids in the logging MDC, one line per slow or failed
 * request, and in the {@code gcp} profile JSON lines in the shape Cloud Logging reads, so each
 * entry links to its trace in Cloud Trace.
 */
package dev.perfwatch.observability.logging;
