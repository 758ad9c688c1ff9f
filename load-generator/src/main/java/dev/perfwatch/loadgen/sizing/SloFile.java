package dev.perfwatch.loadgen.sizing;

import java.nio.file.Path;

import dev.perfwatch.loadgen.sizing.JsonInput.Field;

/**
 * The latency objective of a Cloud Monitoring request-based SLO (monitoring/cloud/slos): a goal of
 * 0.99 of requests within {@code range.max} ms is a p99 objective of that many milliseconds.
 */
final class SloFile {

	private SloFile() {
	}

	static double p99Ms(Path file) {
		Field root = JsonInput.read("SLO", file);
		double goal = root.get("goal").number();
		if (Math.abs(goal - 0.99) > 1e-9) {
			throw root.get("goal").problem("is " + goal + ", not 0.99: the SLO is not a p99 objective; pass --p99");
		}
		return root.get("serviceLevelIndicator").get("requestBased").get("distributionCut").get("range").get("max").number();
	}

}
