package dev.perfwatch.loadgen;

/** What the process exit code means; documented in {@code --help}. */
final class ExitCodes {

	static final int OK = 0;

	/** A --fail-if gate held or the run regressed against --baseline. */
	static final int FAILED = 1;

	/** Bad options, a malformed URL, an unreachable target, an unreadable baseline. */
	static final int BAD_INPUT = 2;

	/** A defect in the generator itself. */
	static final int INTERNAL_ERROR = 3;

	private ExitCodes() {
	}

}
