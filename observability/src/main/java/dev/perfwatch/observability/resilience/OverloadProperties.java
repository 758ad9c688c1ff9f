package dev.perfwatch.observability.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work a service takes on at once before it sheds the rest. Defaults live in
 * {@code perfwatch-defaults.properties}.
 *
 * @param enabled whether requests beyond the limit are shed ({@code PERFWATCH_OVERLOAD_SHEDDING})
 * @param maxConcurrentRequests requests served at once; the next ones wait for a slot
 * @param maxWait how long a request waits for a slot before it is answered 503
 * @param retryAfter what the 503's {@code Retry-After} tells the client, rounded up to seconds
 */
@ConfigurationProperties("perfwatch.overload")
public record OverloadProperties(boolean enabled, int maxConcurrentRequests, Duration maxWait, Duration retryAfter) {

}
