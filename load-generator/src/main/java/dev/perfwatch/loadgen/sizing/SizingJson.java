package dev.perfwatch.loadgen.sizing;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link SizingReport} as snake_case JSON. */
final class SizingJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private SizingJson() {
	}

	static String render(SizingReport report) {
		return MAPPER.writeValueAsString(report) + "\n";
	}

}
