package dev.perfwatch.loadgen.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.profiles.ProfileWindows;

/**
 * Tells for a slow request whether a profile window covers it and, if so, the command that draws
 * its trace flame graph across the services ({@code profiles-cli}, run from the project root).
 */
public final class ProfileLinks {

	static final String BETWEEN_WINDOWS = "between windows";

	static final String WINDOW_RECORDING = "window still recording";

	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

	private final Path dir;

	private final ProfileWindows windows;

	ProfileLinks(Path dir, ProfileWindows windows) {
		this.dir = dir;
		this.windows = windows;
	}

	/** Reads the windows in {@code dir} as they are now, after the run. */
	public static ProfileLinks read(Path dir) {
		try {
			return new ProfileLinks(dir, ProfileWindows.read(dir));
		}
		catch (IOException ex) {
			throw new BadInputException("cannot read the profiles directory " + dir + ": " + ex);
		}
	}

	/**
	 * @param sent when the request was sent
	 * @param ended when it ended
	 */
	public Report.Profile profile(String traceId, Instant sent, Instant ended) {
		return switch (this.windows.coverage(sent, ended)) {
			case PROFILED -> new Report.Profile(true, command(traceId), null);
			case RECORDING -> new Report.Profile(false, null, WINDOW_RECORDING);
			case BETWEEN_WINDOWS -> new Report.Profile(false, null, BETWEEN_WINDOWS);
		};
	}

	String command(String traceId) {
		return "java -jar profiles-cli/target/profiles.jar --dir " + shellQuoted(this.dir.toString()) + " --trace "
				+ traceId;
	}

	/** Quoted only when needed, so the usual command reads plainly and any path still pastes into a shell. */
	private static String shellQuoted(String text) {
		return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
	}

}
