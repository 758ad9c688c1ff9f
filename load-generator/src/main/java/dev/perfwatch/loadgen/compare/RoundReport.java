package dev.perfwatch.loadgen.compare;

import java.nio.file.Path;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * What {@code compare} takes from one round's load-generator {@code --out} report (the contract
 * in README.md): the achieved rate, the coordinated-omission corrected p50 and p99, the failed
 * requests, and the settings that must match for the rounds to be comparable.
 */
record RoundReport(Path file, double throughput, double p50, double p99, long sent, long failed, String settings) {

	private static final String WHAT = "a load-generator --out report";

	static RoundReport read(Path file) {
		JsonNode root = JsonInput.read(file);
		if (!root.isObject() || !root.has("schema_version")) {
			throw new BadInputException(file + " is not " + WHAT + ": no schema_version");
		}
		JsonNode settings = root.path("settings");
		String described = String.join(" ", "mode " + text(settings, "mode"),
				"concurrency " + text(settings, "concurrency"), "rates " + text(settings, "rates"),
				"duration " + text(settings, "duration_seconds"), "requests " + text(settings, "requests"));
		return new RoundReport(file, JsonInput.number(root, file, WHAT, "rate.achieved"),
				JsonInput.number(root, file, WHAT, "latency_ms.p50"),
				JsonInput.number(root, file, WHAT, "latency_ms.p99"),
				(long) JsonInput.number(root, file, WHAT, "requests.sent"),
				(long) JsonInput.number(root, file, WHAT, "requests.failed"), described);
	}

	private static String text(JsonNode settings, String field) {
		JsonNode value = settings.path(field);
		return value.isMissingNode() || value.isNull() ? "-" : Objects.toString(value);
	}

}
