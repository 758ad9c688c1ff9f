package dev.perfwatch.loadgen.sizing;

import java.nio.file.Path;
import java.util.Map;

import dev.perfwatch.loadgen.sizing.JsonInput.Field;
import dev.perfwatch.loadgen.sizing.Measurements.LoadStep;
import dev.perfwatch.loadgen.sizing.Measurements.ServiceSample;

/** Reads and checks a measurements file (format: load-generator/README.md, "Sizing for Cloud Run"). */
final class MeasurementsFile {

	private MeasurementsFile() {
	}

	static Measurements read(Path file) {
		Field root = JsonInput.read("measurements", file);
		Map<String, Double> startup = root.has("startup_seconds") ? root.get("startup_seconds").map((name, value) -> value.number())
				: Map.of();
		Measurements measurements = new Measurements(root.has("measured_at") ? root.get("measured_at").text() : "",
				root.has("environment") ? root.get("environment").text() : "", startup,
				root.get("steps").list(MeasurementsFile::step));
		if (measurements.steps().isEmpty()) {
			throw root.get("steps").problem("must hold at least one step");
		}
		Map<String, ServiceSample> first = measurements.steps().get(0).services();
		for (int i = 1; i < measurements.steps().size(); i++) {
			if (!measurements.steps().get(i).services().keySet().equals(first.keySet())) {
				throw root.get("steps").problem("must name the same services in every step: step 0 has "
						+ first.keySet() + ", step " + i + " has " + measurements.steps().get(i).services().keySet());
			}
		}
		return measurements;
	}

	private static LoadStep step(Field step) {
		Map<String, ServiceSample> services = step.get("services").map((name, sample) -> sample(sample));
		if (services.isEmpty()) {
			throw step.get("services").problem("must name at least one service");
		}
		LoadStep loadStep = new LoadStep(step.get("rate_target").number(), step.get("rate_achieved").number(),
				step.get("sent").count(), step.get("failed").count(), step.get("p99_ms").number(), services);
		if (loadStep.failed() > loadStep.sent()) {
			throw step.get("failed").problem("cannot exceed sent (" + loadStep.sent() + ")");
		}
		return loadStep;
	}

	private static ServiceSample sample(Field sample) {
		double rss = sample.get("rss_mib").number();
		return new ServiceSample(sample.get("requests_per_second").number(), sample.get("cpu_ms_per_request").number(),
				rss, sample.has("peak_rss_mib") ? sample.get("peak_rss_mib").number() : rss,
				sample.get("in_flight").number());
	}

}
