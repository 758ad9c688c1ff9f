package dev.perfwatch.loadgen.sizing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * Reads an input file's JSON and its fields by path, so a mistake ends in one line that names
 * the file and the field ({@code steps[2].p99_ms}) rather than in a stack trace.
 */
final class JsonInput {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String what;

	private final Path file;

	private JsonInput(String what, Path file) {
		this.what = what;
		this.file = file;
	}

	/** The root object of {@code file}; {@code what} names the file's role in messages. */
	static Field read(String what, Path file) {
		JsonInput input = new JsonInput(what, file);
		String text;
		try {
			text = Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new BadInputException("cannot read " + what + " " + file + ": no such file");
		}
		catch (IOException ex) {
			throw new BadInputException("cannot read " + what + " " + file + ": " + oneLine(String.valueOf(ex.getMessage())));
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
			throw new BadInputException(what + " " + file + " is not valid JSON" + where + ": "
					+ oneLine(ex.getOriginalMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new BadInputException(what + " " + file + " is not a JSON object");
		}
		return input.new Field("", root);
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

	/** A value at a path in the file. */
	final class Field {

		private final String path;

		private final JsonNode node;

		private Field(String path, JsonNode node) {
			this.path = path;
			this.node = node;
		}

		Field get(String name) {
			JsonNode child = this.node.get(name);
			if (child == null || child.isNull()) {
				throw problem(child(name), "is missing");
			}
			return new Field(child(name), child);
		}

		boolean has(String name) {
			JsonNode child = this.node.get(name);
			return child != null && !child.isNull();
		}

		String text() {
			if (!this.node.isString()) {
				throw problem(this.path, "must be a string");
			}
			return this.node.stringValue();
		}

		/** A finite number that is zero or more. */
		double number() {
			if (!this.node.isNumber() || !Double.isFinite(this.node.doubleValue())) {
				throw problem(this.path, "must be a number");
			}
			double value = this.node.doubleValue();
			if (value < 0) {
				throw problem(this.path, "must not be negative, got " + value);
			}
			return value;
		}

		long count() {
			double value = number();
			if (value != Math.rint(value)) {
				throw problem(this.path, "must be a whole number, got " + value);
			}
			return (long) value;
		}

		<T> List<T> list(Function<Field, T> element) {
			if (!this.node.isArray()) {
				throw problem(this.path, "must be an array");
			}
			List<T> values = new ArrayList<>();
			int index = 0;
			for (JsonNode child : this.node.values()) {
				values.add(element.apply(new Field(this.path + "[" + index + "]", child)));
				index++;
			}
			return values;
		}

		/** The object's members in file order. */
		<T> Map<String, T> map(BiFunction<String, Field, T> member) {
			if (!this.node.isObject()) {
				throw problem(this.path, "must be an object");
			}
			Map<String, T> values = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : this.node.properties()) {
				values.put(entry.getKey(), member.apply(entry.getKey(), new Field(child(entry.getKey()), entry.getValue())));
			}
			return values;
		}

		BadInputException problem(String message) {
			return problem(this.path, message);
		}

		private String child(String name) {
			return this.path.isEmpty() ? name : this.path + "." + name;
		}

		private BadInputException problem(String at, String message) {
			return new BadInputException(JsonInput.this.what + " " + JsonInput.this.file + ": " + at + " " + message);
		}

	}

}
