package dev.perfwatch.loadgen;

/** What the process exit code means; documented in {@code --help}. */
public final class ExitCodes {

	public static final int OK = 0;

	/**
	 * A --fail-if gate held or the run regressed against --baseline; for {@code compare}, the head
	 * regressed; for {@code size}, no measured step met the objective.
	 */
	public static final int FAILED = 1;

	/**
	 * Bad options, a malformed URL, an unreachable target, an unreadable baseline, measurements or
	 * pricing file.
	 */
	public static final int BAD_INPUT = 2;

	/** A defect in the generator itself. */
	public static final int INTERNAL_ERROR = 3;

	private ExitCodes() {
	}

}
