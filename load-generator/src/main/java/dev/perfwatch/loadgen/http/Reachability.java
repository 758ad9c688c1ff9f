package dev.perfwatch.loadgen.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one unmeasured request before a run, so an unreachable target is reported in one line
 * instead of as a run full of connection errors. Any HTTP answer, even a 500, means reachable.
 */
public final class Reachability {

	private Reachability() {
	}

	/** Empty when the target answered; otherwise why it could not be reached. */
	public static java.util.Optional<String> problem(HttpTransport transport, URI target, Duration wait)
			throws InterruptedException {
		CompletableFuture<Integer> answer = new CompletableFuture<>();
		transport.send(TraceParent.random(), new ResponseListener() {
			@Override
			public void onResponse(int status) {
				answer.complete(status);
			}

			@Override
			public void onFailure(Throwable cause) {
				answer.completeExceptionally(cause);
			}
		});
		try {
			answer.get(wait.toNanos(), TimeUnit.NANOSECONDS);
			return java.util.Optional.empty();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			String detail = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			return java.util.Optional.of("cannot reach " + target + ": " + detail);
		}
		catch (TimeoutException ex) {
			return java.util.Optional.of("cannot reach " + target + ": no answer within " + wait.toMillis() + " ms");
		}
	}

}
