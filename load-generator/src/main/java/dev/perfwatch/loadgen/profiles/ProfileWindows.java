package dev.perfwatch.loadgen.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a service's recorded windows: {@code <dir>/<service>/<UTC timestamp>-<type>.jfr}, as the
 * services' continuous profiler writes them.
 */
final class ProfileWindows {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern JFR_NAME = Pattern.compile("(\\d{8}T\\d{6}Z)-(cpu|alloc|wall)\\.jfr");

	private ProfileWindows() {
	}

	/**
	 * @return the recordings of the type that started at or after {@code since}, oldest first
	 * @throws ProfilesException when the service has no directory or no window in the range
	 */
	static List<Path> find(Path dir, String service, ProfileType type, Instant since) throws IOException {
		Path serviceDir = dir.resolve(service);
		if (!Files.isDirectory(serviceDir)) {
			throw new ProfilesException("no profiles for service '" + service + "' in " + dir + " (services there: "
					+ services(dir) + ")");
		}
		String first = TIMESTAMP.format(since);
		List<Path> windows;
		try (Stream<Path> files = Files.list(serviceDir)) {
			windows = files.filter((file) -> {
				Matcher name = JFR_NAME.matcher(file.getFileName().toString());
				return name.matches() && name.group(2).equals(type.id()) && name.group(1).compareTo(first) >= 0;
			}).sorted().toList();
		}
		if (windows.isEmpty()) {
			throw new ProfilesException("no " + type.id() + " windows of '" + service + "' since " + since + " in "
					+ serviceDir);
		}
		return windows;
	}

	static String timestampOf(Path window) {
		return window.getFileName().toString().substring(0, 16);
	}

	private static String services(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return "none, no such directory";
		}
		try (Stream<Path> entries = Files.list(dir)) {
			List<String> names = entries.filter(Files::isDirectory).map((entry) -> entry.getFileName().toString()).sorted().toList();
			return names.isEmpty() ? "none" : String.join(", ", names);
		}
	}

}
