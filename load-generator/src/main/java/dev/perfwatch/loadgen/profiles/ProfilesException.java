package dev.perfwatch.loadgen.profiles;

/**
 * Input the {@code profiles} command cannot work with; its message is the one line the user sees.
 */
final class ProfilesException extends RuntimeException {

	ProfilesException(String message) {
		super(message);
	}

}
