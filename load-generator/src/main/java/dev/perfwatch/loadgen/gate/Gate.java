package dev.perfwatch.loadgen.gate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.report.TextReport;

/**
 * A {@code --fail-if} condition: the run fails when it holds. Latency metrics ({@code min mean
 * p50 p90 p95 p99 p999 max}) take {@code us}, {@code ms} (the default) or {@code s};
 * {@code errors}, {@code late} and {@code dropped} take a count or a percentage of requests sent;
 * {@code rate} is the achieved rate in requests per second. Examples: {@code p99>500ms},
 * {@code errors>1%}, {@code rate<100}.
 */
public record Gate(String text, String metric, Comparison comparison, double threshold, boolean percent) {

	private static final Pattern SYNTAX = Pattern
		.compile("\\s*([a-z0-9.]+)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|%|/s)?\\s*");

	public static Gate parse(String text) {
		Matcher matcher = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new BadInputException("cannot read gate '" + text + "'; write e.g. 'p99>500ms' or 'errors>1%'");
		}
		String metric = matcher.group(1).equals("p99.9") ? "p999" : matcher.group(1);
		Comparison comparison = Comparison.of(matcher.group(2));
		double value = Double.parseDouble(matcher.group(3));
		String unit = (matcher.group(4) != null) ? matcher.group(4) : "";
		return switch (metric) {
			case "min", "mean", "p50", "p90", "p95", "p99", "p999", "max" -> {
				double millis = switch (unit) {
					case "", "ms" -> value;
					case "us" -> value / 1000;
					case "s" -> value * 1000;
					default -> throw new BadInputException("gate '" + text + "': latency takes us, ms or s");
				};
				yield new Gate(text.trim(), metric, comparison, millis, false);
			}
			case "errors", "late", "dropped" -> {
				if (!unit.isEmpty() && !unit.equals("%")) {
					throw new BadInputException("gate '" + text + "': " + metric + " takes a count or a percentage");
				}
				yield new Gate(text.trim(), metric, comparison, value, unit.equals("%"));
			}
			case "rate" -> {
				if (!unit.isEmpty() && !unit.equals("/s")) {
					throw new BadInputException("gate '" + text + "': rate is in requests per second");
				}
				yield new Gate(text.trim(), metric, comparison, value, false);
			}
			default -> throw new BadInputException("gate '" + text
					+ "': unknown metric; use min, mean, p50, p90, p95, p99, p999, max, errors, late, dropped or rate");
		};
	}

	/** The reason the run fails this gate, or empty when it passes. */
	public Optional<String> check(Report report) {
		double actual = measure(report);
		if (!this.comparison.holds(actual, this.threshold)) {
			return Optional.empty();
		}
		return Optional.of("gate '" + this.text + "' failed: " + this.metric + " was " + TextReport.fmt(actual) + unit());
	}

	private double measure(Report report) {
		Report.Latency latency = report.latencyMs();
		long sent = report.requests().sent();
		return switch (this.metric) {
			case "min" -> latency.min();
			case "mean" -> latency.mean();
			case "p50" -> latency.p50();
			case "p90" -> latency.p90();
			case "p95" -> latency.p95();
			case "p99" -> latency.p99();
			case "p999" -> latency.p999();
			case "max" -> latency.max();
			case "errors" -> countOrPercent(report.requests().failed(), sent);
			case "late" -> countOrPercent(report.requests().lateStarts(), sent);
			case "dropped" -> countOrPercent(report.requests().droppedStarts(), sent + report.requests().droppedStarts());
			default -> report.rate().achieved();
		};
	}

	private double countOrPercent(long count, long of) {
		if (!this.percent) {
			return count;
		}
		return (of == 0) ? 0 : 100.0 * count / of;
	}

	private String unit() {
		return switch (this.metric) {
			case "errors", "late", "dropped" -> this.percent ? "%" : "";
			case "rate" -> " req/s";
			default -> " ms";
		};
	}

	/** The operator of a gate. */
	public enum Comparison {

		GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

		private final String symbol;

		Comparison(String symbol) {
			this.symbol = symbol;
		}

		static Comparison of(String symbol) {
			for (Comparison comparison : values()) {
				if (comparison.symbol.equals(symbol)) {
					return comparison;
				}
			}
			throw new IllegalArgumentException(symbol);
		}

		boolean holds(double actual, double threshold) {
			return switch (this) {
				case GREATER -> actual > threshold;
				case GREATER_OR_EQUAL -> actual >= threshold;
				case LESS -> actual < threshold;
				case LESS_OR_EQUAL -> actual <= threshold;
			};
		}

	}

}
