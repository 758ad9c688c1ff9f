package dev.perfwatch.profiles.pprof;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import one.proto.Proto;

/**
 * Stacks and their weights as a gzipped profile in Google's pprof format (profile.proto), for
 * {@code go tool pprof}, pprof's web UI and the many tools that read it. Written with
 * async-profiler's own protobuf writer, from the same samples the flame graph draws, so a window
 * needs no conversion inside the service.
 */
public final class PprofProfile {

	// Field numbers of perftools.profiles.Profile and its messages.
	private static final int SAMPLE_TYPE = 1, SAMPLE = 2, LOCATION = 4, FUNCTION = 5, STRING_TABLE = 6;

	private final Map<String, Integer> strings = new LinkedHashMap<>(Map.of("", 0));

	private final Map<String, Integer> functions = new LinkedHashMap<>();

	private final Map<List<String>, Long> stacks = new HashMap<>();

	private final String type;

	private final String unit;

	/**
	 * @param type what a value counts, e.g. {@code cpu}
	 * @param unit its unit, e.g. {@code samples} or {@code bytes}
	 */
	public PprofProfile(String type, String unit) {
		this.type = type;
		this.unit = unit;
	}

	/**
	 * @param frames the stack, outermost frame first
	 */
	public void add(List<String> frames, long weight) {
		this.stacks.merge(frames, weight, Long::sum);
	}

	public void write(Path file) throws IOException {
		Proto profile = new Proto(1 << 16);
		profile.field(SAMPLE_TYPE, new Proto(16).field(1, string(this.type)).field(2, string(this.unit)));
		Proto sample = new Proto(256);
		for (Map.Entry<List<String>, Long> stack : this.stacks.entrySet()) {
			List<String> frames = stack.getKey();
			long locations = sample.startField(1, 3);
			// pprof lists a sample's locations leaf first.
			for (int i = frames.size() - 1; i >= 0; i--) {
				sample.writeInt(function(frames.get(i)));
			}
			sample.commitField(locations);
			sample.field(2, stack.getValue());
			profile.field(SAMPLE, sample);
			sample.reset();
		}
		// One location per function, with the same id: line numbers are not in the samples we keep.
		for (Map.Entry<String, Integer> function : this.functions.entrySet()) {
			int id = function.getValue();
			profile.field(LOCATION, new Proto(16).field(1, id).field(4, new Proto(8).field(1, id)));
		}
		for (Map.Entry<String, Integer> function : this.functions.entrySet()) {
			profile.field(FUNCTION, new Proto(16).field(1, function.getValue()).field(2, string(function.getKey())));
		}
		// The string table last: every index above has been handed out by now.
		for (String string : this.strings.keySet()) {
			profile.field(STRING_TABLE, string);
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(profile.buffer(), 0, profile.size());
		}
	}

	private int function(String name) {
		return this.functions.computeIfAbsent(name, (key) -> this.functions.size() + 1);
	}

	private int string(String value) {
		return this.strings.computeIfAbsent(value, (key) -> this.strings.size());
	}

}
