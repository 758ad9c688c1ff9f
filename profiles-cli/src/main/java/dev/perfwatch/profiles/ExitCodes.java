package dev.perfwatch.profiles;

/**
 * What the process exit code means, as for the load generator: 0 ok, 1 the answer is "nothing
 * found", 2 bad input, 3 a defect in the command itself.
 */
final class ExitCodes {

	static final int OK = 0;

	static final int NOT_FOUND = 1;

	static final int BAD_INPUT = 2;

	static final int INTERNAL_ERROR = 3;

	private ExitCodes() {
	}

}
