package dev.perfwatch.observability.profiling;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one recorded window: {@code <service dir>/<UTC timestamp>-<type>.jfr}, {@code .html}
 * and {@code .pb.gz}. The timestamp is when the window started, to the second, so names sort in
 * time order.
 *
 * @param serviceDir the service's directory under the profiles directory
 * @param start when the window started
 */
record ProfileWindow(Path serviceDir, Instant start) {

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern FILE_NAME = Pattern
		.compile("(\\d{8}T\\d{6}Z)(-(cpu|alloc|wall)\\.(jfr|html|pb\\.gz)|\\.jfr\\.part)");

	ProfileWindow {
		start = start.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * @return where the profiler writes while the window records; moved to the final names once
	 * complete, so readers of the directory never see a half-written window
	 */
	Path recording() {
		return this.serviceDir.resolve(TIMESTAMP.format(this.start) + ".jfr.part");
	}

	Path jfr(ProfileType type) {
		return file(type, "jfr");
	}

	Path html(ProfileType type) {
		return file(type, "html");
	}

	Path pprof(ProfileType type) {
		return file(type, "pb.gz");
	}

	private Path file(ProfileType type, String extension) {
		return this.serviceDir.resolve(TIMESTAMP.format(this.start) + "-" + type.id() + "." + extension);
	}

	/**
	 * @return the timestamp part of a window file's name, or {@code null} for any other
	 * file; a recording left behind by a killed process counts as a window file
	 */
	static String timestampOf(String fileName) {
		Matcher matcher = FILE_NAME.matcher(fileName);
		return matcher.matches() ? matcher.group(1) : null;
	}

}
