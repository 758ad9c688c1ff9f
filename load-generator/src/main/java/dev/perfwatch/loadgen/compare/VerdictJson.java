package dev.perfwatch.loadgen.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * The verdict as JSON ({@code --json}), for scripts and dashboards: snake_case, changes and
 * tolerances in percent, the rounds' values as read. The layout is documented in README.md.
 */
final class VerdictJson {

	static final int SCHEMA_VERSION = 1;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private VerdictJson() {
	}

	static String toJson(Comparison comparison) {
		List<Row> metrics = comparison.metrics().stream().map(Row::of).toList();
		List<Row> decidedBy = comparison.decidedBy().stream().map(Row::of).toList();
		return MAPPER.writeValueAsString(new Document(SCHEMA_VERSION, comparison.outcome().word(), decidedBy,
				comparison.baseRounds(), comparison.headRounds(), comparison.rule().paired(),
				comparison.rule().floor() * 100, comparison.rule().factor(comparison.baseRounds(), comparison.headRounds()),
				metrics, comparison.notes()));
	}

	static void write(Comparison comparison, Path file) {
		try {
			Files.writeString(file, toJson(comparison) + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new BadInputException("cannot write " + file + ": " + ex.getMessage());
		}
	}

	/**
	 * The top level; {@code spread_factor} multiplies each metric's spread into its tolerance;
	 * {@code paired} says whether the rounds were judged in pairs.
	 */
	record Document(int schemaVersion, String verdict, List<Row> decidedBy, int baseRounds, int headRounds,
			boolean paired, double minTolerancePercent, double spreadFactor, List<Row> metrics, List<String> notes) {
	}

	/** One metric; {@code service} only for CPU per request. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Row(String metric, String service, String better, List<Double> base, List<Double> head, double baseMean,
			double headMean, double changePercent, double spreadPercent, double tolerancePercent, String verdict) {

		static Row of(MetricVerdict verdict) {
			Metric metric = verdict.metric();
			return new Row(metric.name(), metric.service(), metric.higherIsBetter() ? "higher" : "lower",
					verdict.base().values(), verdict.head().values(), verdict.base().mean(), verdict.head().mean(),
					verdict.change() * 100, verdict.spread() * 100, verdict.tolerance() * 100, verdict.outcome().word());
		}

	}

}
