package dev.perfwatch.observability.profiling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.perfwatch.profiles.format.ProfileType;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;

/**
 * What a request handler costs in one profile, frame by frame: the samples (CPU) or bytes (alloc)
 * of the stacks that pass through the handler, each frame counted once per stack. Only those
 * stacks count, so the test's own work in the same JVM cannot distort a share.
 */
public final class HandlerCosts {

	private final String handler;

	private final Map<String, Long> totals;

	private final Map<String, Long> callees;

	private HandlerCosts(String handler, Map<String, Long> totals, Map<String, Long> callees) {
		this.handler = handler;
		this.totals = totals;
		this.callees = callees;
	}

	static HandlerCosts read(Path jfr, ProfileType type, String handler) throws IOException {
		List<String> options = new ArrayList<>(switch (type) {
			case CPU -> List.of("--cpu");
			case WALL -> List.of("--wall");
			case ALLOC -> List.of("--alloc", "--total");
		});
		options.addAll(List.of("--output", "collapsed"));
		ByteArrayOutputStream collapsed = new ByteArrayOutputStream();
		try (JfrReader reader = new JfrReader(jfr.toString())) {
			JfrToFlame converter = new JfrToFlame(reader, new Arguments(options.toArray(String[]::new)));
			converter.convert();
			converter.dump(collapsed);
		}
		return of(collapsed.toString(StandardCharsets.UTF_8).lines().toList(), handler);
	}

	/**
	 * @param collapsedStacks lines of {@code frame;frame;... weight}, as async-profiler's
	 * collapsed output writes them, frame names with or without a {@code _[j]}-style suffix
	 */
	static HandlerCosts of(List<String> collapsedStacks, String handler) {
		Map<String, Long> totals = new HashMap<>();
		Map<String, Long> callees = new HashMap<>();
		for (String line : collapsedStacks) {
			int space = line.lastIndexOf(' ');
			long weight = Long.parseLong(line.substring(space + 1));
			List<String> frames = Stream.of(line.substring(0, space).split(";"))
				.map((frame) -> frame.replaceFirst("_\\[.]$", ""))
				.distinct()
				.toList();
			int handlerAt = frames.indexOf(handler);
			if (handlerAt >= 0) {
				frames.forEach((frame) -> totals.merge(frame, weight, Long::sum));
				if (handlerAt + 1 < frames.size()) {
					callees.merge(frames.get(handlerAt + 1), weight, Long::sum);
				}
			}
		}
		return new HandlerCosts(handler, totals, callees);
	}

	/**
	 * @return the part of the handler's samples or bytes spent in and below the frame; 0 when the
	 * handler has none
	 */
	public double shareOf(String frame) {
		long all = this.totals.getOrDefault(this.handler, 0L);
		return (all > 0) ? (double) this.totals.getOrDefault(frame, 0L) / all : 0;
	}

	/**
	 * @return the shares of the methods the handler calls directly, its own code, the services it
	 * calls and the framework alike, largest first
	 */
	public Map<String, Double> calleesByShare() {
		long all = this.totals.getOrDefault(this.handler, 0L);
		Map<String, Double> shares = new LinkedHashMap<>();
		this.callees.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> shares.put(entry.getKey(), (double) entry.getValue() / all));
		return shares;
	}

}
