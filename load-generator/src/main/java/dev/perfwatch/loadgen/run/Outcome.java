package dev.perfwatch.loadgen.run;

/** How the error counters name a failed request: by status class or by exception type. */
final class Outcome {

	private Outcome() {
	}

	/** Success is any response below 400: the generator does not follow redirects. */
	static boolean isSuccess(int status) {
		return status > 0 && status < 400;
	}

	static String statusClass(int status) {
		return (status / 100) + "xx";
	}

	/**
	 * The exception's simple class name. Netty wraps a refused connection in a private
	 * {@code AnnotatedConnectException}; the public type it extends is the name users know.
	 */
	static String exceptionKind(Throwable cause) {
		Class<?> type = cause.getClass();
		while (type.getSimpleName().startsWith("Annotated") && type.getSuperclass() != null) {
			type = type.getSuperclass();
		}
		return type.getSimpleName();
	}

}
