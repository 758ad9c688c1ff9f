package dev.perfwatch.loadgen.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.cli.BadInputException;

/** Reads the input files of {@code compare}; every problem becomes one line naming the file. */
final class JsonInput {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonInput() {
	}

	static JsonNode read(Path file) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new BadInputException("cannot read " + file + ": no such file");
		}
		catch (IOException ex) {
			throw new BadInputException("cannot read " + file + ": " + ex.getMessage());
		}
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			String firstLine = ex.getOriginalMessage().lines().findFirst().orElse("");
			throw new BadInputException(file + " is not valid JSON: " + firstLine);
		}
	}

	/**
	 * The number at {@code path} (dot-separated field names): finite and not negative, since
	 * every compared figure is a rate, a latency or a CPU time.
	 */
	static double number(JsonNode root, Path file, String what, String path) {
		JsonNode node = root;
		for (String field : path.split("\\.")) {
			node = node.path(field);
		}
		if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
			throw new BadInputException(file + " is not " + what + ": no number of zero or more at " + path);
		}
		return node.doubleValue();
	}

}
