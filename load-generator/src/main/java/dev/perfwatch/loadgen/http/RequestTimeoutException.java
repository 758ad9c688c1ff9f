package dev.perfwatch.loadgen.http;

import java.time.Duration;

/** A request got no complete response within the configured timeout. */
public class RequestTimeoutException extends Exception {

	public RequestTimeoutException(Duration timeout) {
		super("no response within " + timeout.toMillis() + " ms", null, false, false);
	}

}
