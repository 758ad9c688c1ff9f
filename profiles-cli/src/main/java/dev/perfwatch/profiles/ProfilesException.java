package dev.perfwatch.profiles;

/**
 * Something the {@code profiles} command cannot do; its message is the one line the user sees and
 * its exit code says which kind of trouble it was ({@link ExitCodes}).
 */
public final class ProfilesException extends RuntimeException {

	private final int exitCode;

	private ProfilesException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	/** Nothing matched: no window, trace or samples where the user looked. */
	public static ProfilesException notFound(String message) {
		return new ProfilesException(ExitCodes.NOT_FOUND, message);
	}

	/** Options or files the command cannot work with. */
	public static ProfilesException badInput(String message) {
		return new ProfilesException(ExitCodes.BAD_INPUT, message);
	}

	public int exitCode() {
		return this.exitCode;
	}

}
