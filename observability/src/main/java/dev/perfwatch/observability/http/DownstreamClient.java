package dev.perfwatch.observability.http;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import dev.perfwatch.observability.resilience.CallerBudget;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.hc.client5.http.ConnectTimeoutException;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls one downstream service. Any HTTP status comes back as a {@link DownstreamResponse} for
 * the caller to judge; only "no answer at all" is an exception.
 * <p>
 * Each call has one deadline: its timeout, or less when the request being served has a caller
 * with less budget left ({@link CallerBudget}). The callee learns what is left in
 * {@value CallerBudget#HEADER}, and the same figure bounds the whole call here
 * ({@link DeadlineExecHandler}). While the callee gives no answers its circuit breaker fails calls
 * fast, and lets a few through now and then to see whether it is back.
 */
public class DownstreamClient {

	// What a callee's answer needs to travel back before our own caller's deadline.
	private static final long ANSWER_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	// A call cancelled at its deadline can surface as any I/O error, a moment later.
	private static final long DEADLINE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final String name;

	private final RestClient restClient;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	DownstreamClient(String name, RestClient restClient, Duration timeout, CircuitBreaker breaker) {
		this.name = name;
		this.restClient = restClient;
		this.timeout = timeout;
		this.breaker = breaker;
	}

	/**
	 * GET a path of the downstream service.
	 * @throws DownstreamUnavailableException when it cannot be reached, does not answer by the
	 * deadline, or is not called because it is known to be down
	 */
	public DownstreamResponse get(String path) {
		long start = System.nanoTime();
		long ownDeadline = start + this.timeout.toNanos();
		OptionalLong callerDeadline = CallerBudget.currentDeadlineNanos();
		boolean callerBound = callerDeadline.isPresent() && callerDeadline.getAsLong() - ANSWER_MARGIN_NANOS < ownDeadline;
		long deadline = callerBound ? callerDeadline.getAsLong() - ANSWER_MARGIN_NANOS : ownDeadline;
		long budgetMs = TimeUnit.NANOSECONDS.toMillis(deadline - start);
		if (budgetMs <= 0) {
			// Our caller has given up already: no work for it.
			throw new DownstreamUnavailableException(this.name, DownstreamUnavailableException.Failure.TIMEOUT, null);
		}
		if (!this.breaker.tryAcquirePermission()) {
			throw new DownstreamUnavailableException(this.name, DownstreamUnavailableException.Failure.REJECTED, null);
		}
		try {
			DownstreamResponse response = this.restClient.get()
				.uri(path)
				.header(CallerBudget.HEADER, Long.toString(budgetMs))
				.exchange((request, answer) -> new DownstreamResponse(answer.getStatusCode().value(),
						answer.getBody().readAllBytes()));
			this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return response;
		}
		catch (ResourceAccessException ex) {
			long now = System.nanoTime();
			DownstreamUnavailableException.Failure failure = (now - deadline >= -DEADLINE_SLACK_NANOS)
					? DownstreamUnavailableException.Failure.TIMEOUT : failureOf(ex);
			if (callerBound && failure == DownstreamUnavailableException.Failure.TIMEOUT) {
				// Out of our caller's time, not the callee's fault: it must not open the breaker.
				this.breaker.releasePermission();
			}
			else {
				this.breaker.onError(now - start, TimeUnit.NANOSECONDS, ex);
			}
			throw new DownstreamUnavailableException(this.name, failure, ex);
		}
		catch (RuntimeException ex) {
			this.breaker.releasePermission();
			throw ex;
		}
	}

	private static DownstreamUnavailableException.Failure failureOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// A connect timeout is a SocketTimeoutException too, so it is told apart first.
			if (cause instanceof ConnectTimeoutException) {
				return DownstreamUnavailableException.Failure.UNREACHABLE;
			}
			if (cause instanceof SocketTimeoutException) {
				return DownstreamUnavailableException.Failure.TIMEOUT;
			}
		}
		return DownstreamUnavailableException.Failure.UNREACHABLE;
	}

}
