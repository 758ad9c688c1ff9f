package dev.perfwatch.observability.resilience;

import java.util.OptionalLong;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How long the caller of the request being served still waits for its answer. A caller sends it
 * in milliseconds in {@value #HEADER}, relative so that clocks need not agree;
 * {@link CallerBudgetFilter} turns it into a deadline on this service's clock, and every
 * downstream call made while serving the request ends by then
 * ({@link dev.perfwatch.observability.http.DownstreamClient}) and passes on what is left.
 */
public final class CallerBudget {

	public static final String HEADER = "X-Request-Budget-Ms";

	static final String DEADLINE_ATTRIBUTE = CallerBudget.class.getName() + ".deadline";

	// Seven digits: up to about 2.8 hours, far above any timeout here; longer is garbage.
	private static final int MAX_DIGITS = 7;

	private CallerBudget() {
	}

	/**
	 * @return the budget in milliseconds, or empty when the header is absent or not a plain
	 * non-negative number (garbage is ignored like an absent header, never an error)
	 */
	public static OptionalLong parse(String header) {
		if (header == null) {
			return OptionalLong.empty();
		}
		String value = header.trim();
		if (value.isEmpty() || value.length() > MAX_DIGITS) {
			return OptionalLong.empty();
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return OptionalLong.empty();
			}
		}
		return OptionalLong.of(Long.parseLong(value));
	}

	/**
	 * @return the {@link System#nanoTime()} by which the caller of the request this thread serves
	 * wants its answer, or empty when it named no budget or this thread serves no request
	 */
	public static OptionalLong currentDeadlineNanos() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object deadline = (attributes != null)
				? attributes.getAttribute(DEADLINE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
		return (deadline instanceof Long nanos) ? OptionalLong.of(nanos) : OptionalLong.empty();
	}

}
