package dev.perfwatch.observability.http;

import java.io.IOException;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Retries what the client retries by default, an idempotent request whose pooled connection the
 * callee had closed, but never an answer and never past the call's deadline. The default strategy
 * also sends a request again one second after a 503 or 429: a callee's 503 (its circuit breaker
 * open, or overload shed) then cost our caller a second and the callee a second call, and a
 * frozen auth service held users for twice the gateway's deadline.
 */
final class DeadlineRetryStrategy extends DefaultHttpRequestRetryStrategy {

	DeadlineRetryStrategy() {
		super(1, TimeValue.ZERO_MILLISECONDS);
	}

	@Override
	public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
		return false;
	}

	@Override
	public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
		return !DeadlineExecHandler.expired(context) && super.retryRequest(request, exception, execCount, context);
	}

}
