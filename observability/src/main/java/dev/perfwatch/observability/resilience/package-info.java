/**
 * How a service protects itself and its callers under load: requests beyond a concurrency limit
 * are shed at once with a JSON 503 and {@code Retry-After} ({@code OverloadSheddingFilter};
 * health and actuator endpoints never are), and the budget a caller sends in
 * {@code X-Request-Budget-Ms} becomes the deadline for the rest, a spent one answered 504 at once.
 */
package dev.perfwatch.observability.resilience;
