package dev.perfwatch.loadgen.cli;

/** The user asked for something that cannot run; the message is shown as is, exit code 2. */
public class BadInputException extends RuntimeException {

	public BadInputException(String message) {
		super(message, null, false, false);
	}

}
