package dev.perfwatch.profiles;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as the load generator reads them ({@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1m30s}, {@code 1h}; a bare number is seconds), and days ({@code 1d}) for looking back.
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

	@Override
	public Duration convert(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.matches("\\d+")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		if (!WHOLE.matcher(value).matches()) {
			throw new TypeConversionException("'" + text + "' is not a duration; write e.g. 90s, 10m, 1m30s, 2h or 1d");
		}
		Duration total = Duration.ZERO;
		Matcher part = PART.matcher(value);
		while (part.find()) {
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
		}
		return total;
	}

}
