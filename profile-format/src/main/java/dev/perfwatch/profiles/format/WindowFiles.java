package dev.perfwatch.profiles.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of window files: {@code <service dir>/<UTC start>.jfr}, and {@code .jfr.part} while recording.
 */
public final class WindowFiles {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}Z)\\.jfr(\\.part)?");

	private static final String RECORDING_SUFFIX = ".part";

	private WindowFiles() {
	}

	/**
	 * @return the complete window that started at {@code start}
	 */
	public static Path window(Path serviceDir, Instant start) {
		return serviceDir.resolve(timestamp(start) + ".jfr");
	}

	/**
	 * @return where that window records until it is complete
	 */
	public static Path recording(Path serviceDir, Instant start) {
		return serviceDir.resolve(timestamp(start) + ".jfr" + RECORDING_SUFFIX);
	}

	/**
	 * @return the timestamp part of a file name, as it sorts: {@code 20261202T101500Z}
	 */
	public static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * @return the window's start for a complete or recording window file, or {@code null} for
	 * any other name
	 */
	public static Instant startOf(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		return name.matches() ? TIMESTAMP.parse(name.group(1), Instant::from) : null;
	}

	public static boolean isComplete(Path file) {
		return startOf(file) != null && !file.getFileName().toString().endsWith(RECORDING_SUFFIX);
	}

	/**
	 * @return a service's complete windows, oldest first; none when it has no directory
	 */
	public static List<Path> complete(Path serviceDir) throws IOException {
		if (!Files.isDirectory(serviceDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(serviceDir)) {
			return files.filter(WindowFiles::isComplete).sorted().toList();
		}
	}

}
