package dev.perfwatch.loadgen.profiles;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way the services' settings write them: {@code 90s}, {@code 10m},
 * {@code 2h}, {@code 1d}.
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	@Override
	public Duration convert(String value) {
		Matcher matcher = DURATION.matcher(value.strip());
		if (!matcher.matches()) {
			throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 10m, 2h or 1d");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

}
