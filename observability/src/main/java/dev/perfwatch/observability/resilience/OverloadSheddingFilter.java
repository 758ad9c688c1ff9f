package dev.perfwatch.observability.resilience;

import java.io.IOException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@link OverloadProperties#maxConcurrentRequests()} requests at once and answers
 * the excess with a fast 503 and {@code Retry-After}. Without it, a load above saturation queues in
 * Tomcat's 200 threads and every request slows down together until callers time out; with it,
 * the requests taken keep the latency of a saturated service and the rest learn at once to come
 * back later. Health and actuator endpoints are never shed: probes must see a busy service as
 * alive.
 */
class OverloadSheddingFilter extends OncePerRequestFilter {

	private final Bulkhead bulkhead;

	private final String retryAfterSeconds;

	OverloadSheddingFilter(OverloadProperties properties) {
		this.bulkhead = Bulkhead.of("inbound-requests", BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentRequests())
			.maxWaitDuration(properties.maxWait())
			.build());
		long millis = properties.retryAfter().toMillis();
		this.retryAfterSeconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/health") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.bulkhead.tryAcquirePermission()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
			JsonAnswers.write(response, HttpStatus.SERVICE_UNAVAILABLE, request.getRequestURI());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

}
