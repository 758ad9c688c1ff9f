package dev.perfwatch.observability.http;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every {@link DownstreamClient} stops calling a callee that gives no answers.
 *
 * @param circuitBreaker when calls to a callee fail fast, and for how long
 */
@ConfigurationProperties("perfwatch.downstream")
public record DownstreamProperties(@DefaultValue CircuitBreaker circuitBreaker) {

	/**
	 * A count-based Resilience4j circuit breaker per callee. Only calls without an answer (timeout,
	 * refused connection) count as failures: an error status is an answer, and the callee's own
	 * business; a 503 from an overloaded callee comes fast anyway.
	 *
	 * @param window how many of the latest calls the failure rate is taken over
	 * @param minimumCalls calls needed before the rate means anything
	 * @param failureRatePercent failure rate at which calls stop
	 * @param openFor how long calls fail fast before a few trial calls are let through
	 * @param trialCalls trial calls that decide whether calls resume
	 */
	public record CircuitBreaker(@DefaultValue("20") int window, @DefaultValue("10") int minimumCalls,
			@DefaultValue("50") float failureRatePercent, @DefaultValue("1s") Duration openFor,
			@DefaultValue("3") int trialCalls) {

		CircuitBreakerConfig toConfig() {
			return CircuitBreakerConfig.custom()
				.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(this.window)
				.minimumNumberOfCalls(this.minimumCalls)
				.failureRateThreshold(this.failureRatePercent)
				.waitDurationInOpenState(this.openFor)
				.permittedNumberOfCallsInHalfOpenState(this.trialCalls)
				.build();
		}

	}

}
