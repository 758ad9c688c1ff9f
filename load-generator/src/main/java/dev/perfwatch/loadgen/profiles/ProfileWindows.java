package dev.perfwatch.loadgen.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.perfwatch.profiles.format.WindowFiles;

/**
 * The profile windows the services have written into a profiles directory (one subdirectory per
 * service, names as {@link WindowFiles} defines them), read once after a run to tell which of its
 * requests a window covers.
 */
public final class ProfileWindows {

	/** Whether a request ran inside a profile window. */
	public enum Coverage {

		/** One complete window of some service spans the whole request. */
		PROFILED,

		/** No complete window does, but a service is still recording the window it started in. */
		RECORDING,

		/** No window spans it: it ran (at least partly) while no service was profiling. */
		BETWEEN_WINDOWS

	}

	private final List<Window> complete;

	private final List<Instant> recordingSince;

	private ProfileWindows(List<Window> complete, List<Instant> recordingSince) {
		this.complete = complete;
		this.recordingSince = recordingSince;
	}

	/**
	 * Reads the windows of every service directory: a complete window spans from the start in its
	 * name to its last-modified time (when it ended).
	 */
	public static ProfileWindows read(Path dir) throws IOException {
		List<Window> complete = new ArrayList<>();
		List<Instant> recordingSince = new ArrayList<>();
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path serviceDir : entries.filter(Files::isDirectory).toList()) {
				for (Path window : WindowFiles.complete(serviceDir)) {
					lastModified(window).ifPresent((end) -> complete.add(new Window(WindowFiles.startOf(window), end)));
				}
				newestRecording(serviceDir).ifPresent(recordingSince::add);
			}
		}
		return new ProfileWindows(complete, recordingSince);
	}

	/**
	 * @param start when the request was sent
	 * @param end when it ended
	 */
	public Coverage coverage(Instant start, Instant end) {
		for (Window window : this.complete) {
			if (!window.start().isAfter(start) && !window.end().isBefore(end)) {
				return Coverage.PROFILED;
			}
		}
		for (Instant since : this.recordingSince) {
			if (!since.isAfter(start)) {
				return Coverage.RECORDING;
			}
		}
		return Coverage.BETWEEN_WINDOWS;
	}

	/**
	 * The start of the window a service is recording now: its newest window file, when that is
	 * still a {@code .part}. Older {@code .part} files were left by a process that died.
	 */
	private static Optional<Instant> newestRecording(Path serviceDir) throws IOException {
		try (Stream<Path> files = Files.list(serviceDir)) {
			return files.filter((file) -> WindowFiles.startOf(file) != null)
				.max(Comparator.comparing(WindowFiles::startOf))
				.filter((newest) -> !WindowFiles.isComplete(newest))
				.map(WindowFiles::startOf);
		}
	}

	/** Empty when the window was deleted (a service's retention) since it was listed. */
	private static Optional<Instant> lastModified(Path window) throws IOException {
		try {
			return Optional.of(Files.getLastModifiedTime(window).toInstant());
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	private record Window(Instant start, Instant end) {
	}

}
