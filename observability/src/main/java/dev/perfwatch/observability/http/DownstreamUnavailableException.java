package dev.perfwatch.observability.http;

/**
 * A downstream service gave no answer: it could not be reached, it did not answer within the
 * call's deadline, or it was not called at all because it is known to be down (its circuit breaker
 * is open). Callers map the cases to different statuses (e.g. 502, 504, 503).
 */
public class DownstreamUnavailableException extends RuntimeException {

	private final Failure failure;

	public DownstreamUnavailableException(String service, Failure failure, Throwable cause) {
		super(service + switch (failure) {
			case TIMEOUT -> " did not answer in time";
			case REJECTED -> " is failing: not called for a moment";
			case UNREACHABLE -> " is unreachable";
		}, cause);
		this.failure = failure;
	}

	public boolean isTimeout() {
		return this.failure == Failure.TIMEOUT;
	}

	/**
	 * @return whether the call was not even tried, the callee being known to be down
	 */
	public boolean isRejected() {
		return this.failure == Failure.REJECTED;
	}

	/**
	 * Why no answer came.
	 */
	public enum Failure {

		UNREACHABLE, TIMEOUT, REJECTED

	}

}
