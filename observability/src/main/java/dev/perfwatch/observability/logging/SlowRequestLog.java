package dev.perfwatch.observability.logging;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line for each request that is slow or fails: method, path (never the query string, which may
 * carry secrets), status and duration. It runs inside the server span's scope (after Boot's
 * observation filter), so the line carries the request's trace and span ids.
 */
class SlowRequestLog extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SlowRequestLog.class);

	private final long thresholdNanos;

	SlowRequestLog(Duration threshold) {
		this.thresholdNanos = threshold.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			long elapsed = System.nanoTime() - start;
			if (status >= 500 || elapsed >= this.thresholdNanos) {
				String line = request.getMethod() + " " + request.getRequestURI() + " " + status + " in "
						+ Duration.ofNanos(elapsed).toMillis() + " ms";
				if (status >= 500) {
					logger.warn(line);
				}
				else {
					logger.info(line);
				}
			}
		}
	}

}
