package dev.perfwatch.loadgen.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way load tools write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 1h}; a bare number is seconds. */
public final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|s|m|h)");

	private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|us|s|m|h))+");

	private Durations() {
	}

	public static Duration parse(String text) {
		String value = text.trim().toLowerCase(java.util.Locale.ROOT);
		if (value.matches("\\d+(?:\\.\\d+)?")) {
			return nanos(Double.parseDouble(value) * 1e9, text);
		}
		if (!WHOLE.matcher(value).matches()) {
			throw new BadInputException("'" + text + "' is not a duration; write e.g. 500ms, 30s, 2m, 1m30s or 1h");
		}
		double total = 0;
		Matcher part = PART.matcher(value);
		while (part.find()) {
			double amount = Double.parseDouble(part.group(1));
			total += switch (part.group(2)) {
				case "us" -> amount * 1e3;
				case "ms" -> amount * 1e6;
				case "s" -> amount * 1e9;
				case "m" -> amount * 60e9;
				default -> amount * 3600e9;
			};
		}
		return nanos(total, text);
	}

	private static Duration nanos(double nanos, String text) {
		if (nanos > Long.MAX_VALUE / 2.0) {
			throw new BadInputException("'" + text + "' is too long a duration");
		}
		return Duration.ofNanos(Math.round(nanos));
	}

	/** Seconds as a decimal, for reports. */
	public static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/** Short human form: 250ms, 30s, 2m30s. */
	public static String format(Duration duration) {
		if (duration.toMillis() < 1000) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		long minutes = seconds / 60;
		if (minutes == 0) {
			return (duration.toMillis() % 1000 == 0) ? seconds + "s" : String.format(java.util.Locale.ROOT, "%.1fs", seconds(duration));
		}
		return minutes + "m" + ((seconds % 60 != 0) ? (seconds % 60) + "s" : "");
	}

}
