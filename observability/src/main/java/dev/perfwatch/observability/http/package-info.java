/**
 * Calls to downstream services: one {@link dev.perfwatch.observability.http.DownstreamClient} per
 * callee, traced and timed, on Apache HttpClient, with one deadline per call bounded by the
 * caller's remaining budget and a circuit breaker for a callee that stops answering. Any HTTP status
 * is an answer for the caller to judge; only no answer at all is an exception.
 */
package dev.perfwatch.observability.http;
