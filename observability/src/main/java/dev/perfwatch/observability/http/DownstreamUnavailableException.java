package dev.perfwatch.observability.http;

/**
 * A downstream service gave no answer: it could not be reached, or it did not answer within its
 * timeout. Callers map the two cases to different statuses (e.g. 502 and 504).
 */
public class DownstreamUnavailableException extends RuntimeException {

	private final Failure failure;

	public DownstreamUnavailableException(String service, Failure failure, Throwable cause) {
		super(service + (failure == Failure.TIMEOUT ? " did not answer in time" : " is unreachable"), cause);
		this.failure = failure;
	}

	public boolean isTimeout() {
		return this.failure == Failure.TIMEOUT;
	}

	/**
	 * Why no answer came.
	 */
	public enum Failure {

		UNREACHABLE, TIMEOUT

	}

}
