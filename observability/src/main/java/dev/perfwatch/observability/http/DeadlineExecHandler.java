package dev.perfwatch.observability.http;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.perfwatch.observability.resilience.CallerBudget;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes the budget a call carries in {@value CallerBudget#HEADER} one deadline for all of it. The
 * client's own timeouts apply to each step apart (waiting for a pooled connection, connecting,
 * each wait for bytes), so a call could take several times its timeout. Here each step's timeout is
 * the whole budget and, whichever step the call is in when the budget runs out, the call is
 * cancelled: a pool wait ends, the connection is closed under a blocked connect or read.
 */
final class DeadlineExecHandler implements ExecChainHandler {

	private static final String DEADLINE_ATTRIBUTE = DeadlineExecHandler.class.getName() + ".deadline";

	private final ScheduledExecutorService canceller;

	DeadlineExecHandler(ScheduledExecutorService canceller) {
		this.canceller = canceller;
	}

	@Override
	public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
			throws IOException, HttpException {
		Header header = request.getFirstHeader(CallerBudget.HEADER);
		OptionalLong budgetMs = CallerBudget.parse((header != null) ? header.getValue() : null);
		if (budgetMs.isEmpty()) {
			return chain.proceed(request, scope);
		}
		long millis = Math.max(1, budgetMs.getAsLong());
		scope.clientContext.setAttribute(DEADLINE_ATTRIBUTE, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
		Timeout bound = Timeout.ofMilliseconds(millis);
		scope.clientContext.setRequestConfig(RequestConfig.copy(scope.clientContext.getRequestConfigOrDefault())
			.setConnectionRequestTimeout(bound)
			.setResponseTimeout(bound)
			.build());
		if (scope.originalRequest instanceof Cancellable cancellable) {
			// Left to fire after the call is done: cancelling a finished request does nothing.
			this.canceller.schedule(cancellable::cancel, millis, TimeUnit.MILLISECONDS);
		}
		return chain.proceed(request, scope);
	}

	/**
	 * @return whether the call of this context has a deadline and it has passed
	 */
	static boolean expired(HttpContext context) {
		return context.getAttribute(DEADLINE_ATTRIBUTE) instanceof Long deadline && System.nanoTime() - deadline >= 0;
	}

}
