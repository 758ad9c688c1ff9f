package dev.perfwatch.loadgen.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * A {@code --cpu-base}/{@code --cpu-head} file: CPU milliseconds per measured request for each
 * service, one object per round in the order of the reports,
 * {@code {"rounds": [{"frontend-service": 2.41, "data-service": 3.12}, ...]}}. Every round names
 * the same services; other top-level fields are ignored.
 */
record CpuRounds(Path file, List<Map<String, Double>> rounds) {

	private static final String WHAT = "a CPU file ({\"rounds\": [{\"SERVICE\": CPU ms per request, ...}, ...]})";

	CpuRounds {
		rounds = List.copyOf(rounds);
	}

	static CpuRounds read(Path file) {
		JsonNode rounds = JsonInput.read(file).path("rounds");
		if (!rounds.isArray() || rounds.isEmpty()) {
			throw new BadInputException(file + " is not " + WHAT + ": no \"rounds\" array");
		}
		List<Map<String, Double>> read = new ArrayList<>();
		for (int i = 0; i < rounds.size(); i++) {
			JsonNode round = rounds.get(i);
			if (!round.isObject() || round.isEmpty()) {
				throw new BadInputException(file + " is not " + WHAT + ": round " + (i + 1) + " names no service");
			}
			Map<String, Double> services = new LinkedHashMap<>();
			for (String service : round.propertyNames()) {
				services.put(service, JsonInput.number(round, file, WHAT, service));
			}
			if (!read.isEmpty() && !services.keySet().equals(read.get(0).keySet())) {
				throw new BadInputException(file + ": round " + (i + 1) + " names services " + services.keySet()
						+ ", round 1 " + read.get(0).keySet());
			}
			read.add(services);
		}
		return new CpuRounds(file, read);
	}

	List<String> services() {
		return List.copyOf(this.rounds.get(0).keySet());
	}

	Samples samples(String service) {
		return new Samples(this.rounds.stream().map((round) -> round.get(service)).toList());
	}

}
