package dev.perfwatch.profiles.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.format.WindowFiles;

/**
 * The profiles directory the services write into: one subdirectory of windows per service.
 */
public final class ProfileDirectory {

	private final Path dir;

	public ProfileDirectory(Path dir) {
		this.dir = dir;
	}

	public Path path() {
		return this.dir;
	}

	/**
	 * @return the services with at least one complete window, by name
	 * @throws ProfilesException when there is no such directory or no window in it
	 */
	public List<String> services() {
		if (!Files.isDirectory(this.dir)) {
			throw ProfilesException.badInput("no profiles directory " + this.dir
					+ " (the services write one where PERFWATCH_PROFILES_DIR says, with PERFWATCH_PROFILING=on)");
		}
		List<String> services;
		try (Stream<Path> entries = Files.list(this.dir)) {
			services = entries.filter((entry) -> !windowsOf(entry, Instant.EPOCH).isEmpty())
				.map((entry) -> entry.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw ProfilesException.badInput("cannot list " + this.dir + ": " + ex.getMessage());
		}
		if (services.isEmpty()) {
			throw ProfilesException.notFound("no profile windows in " + this.dir + " yet");
		}
		return services;
	}

	/**
	 * @return the service's complete windows that started at or after {@code since}, oldest first
	 */
	public List<Path> windows(String service, Instant since) {
		return windowsOf(this.dir.resolve(service), since);
	}

	private static List<Path> windowsOf(Path serviceDir, Instant since) {
		try {
			return WindowFiles.complete(serviceDir)
				.stream()
				.filter((window) -> !WindowFiles.startOf(window).isBefore(since))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
