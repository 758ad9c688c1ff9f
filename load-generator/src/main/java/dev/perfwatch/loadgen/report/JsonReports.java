package dev.perfwatch.loadgen.report;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.cli.BadInputException;

/** Writes and reads {@link Report}s as snake_case JSON. */
public final class JsonReports {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private JsonReports() {
	}

	public static String toJson(Report report) {
		return MAPPER.writeValueAsString(report);
	}

	public static void write(Report report, Path file) {
		try {
			Files.writeString(file, toJson(report) + System.lineSeparator());
		}
		catch (java.io.IOException ex) {
			throw new BadInputException("cannot write " + file + ": " + ex.getMessage());
		}
	}

	public static Report fromJson(String json) {
		return MAPPER.readValue(json, Report.class);
	}

	/** Reads an earlier run's report, for {@code --baseline}. */
	public static Report read(Path file) {
		try {
			return fromJson(Files.readString(file));
		}
		catch (java.io.IOException ex) {
			throw new BadInputException("cannot read baseline " + file + ": " + ex.getMessage());
		}
		catch (JacksonException ex) {
			throw new BadInputException("baseline " + file + " is not a load-generator report: " + ex.getOriginalMessage());
		}
	}

}
