package dev.perfwatch.profiles.trace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.flame.FlameGraphBuilder;
import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.frames.FrameTable;
import dev.perfwatch.profiles.recording.ProfileDirectory;
import dev.perfwatch.profiles.recording.SpanInfo;
import dev.perfwatch.profiles.recording.WindowRecording;

/**
 * One trace's flame graph across every service: the samples each service's windows took on
 * threads while a span of the trace was current there, under the service, then the span, then
 * the frames. Wall time a caller spends waiting on a downstream call lands in its client span;
 * the callee's work lands in the callee's section.
 */
public final class TraceProfile {

	/** Below this, a graph is a rough picture rather than a measurement. */
	static final int FEW_SAMPLES = 20;

	private final ProfileDirectory profiles;

	private final Predicate<String> ownCode;

	private final int top;

	public TraceProfile(ProfileDirectory profiles, Predicate<String> ownCode, int top) {
		this.profiles = profiles;
		this.ownCode = ownCode;
		this.top = top;
	}

	/**
	 * @return the result: where the graph went and how many samples it holds
	 * @throws ProfilesException when no window holds the trace, or none of its samples
	 */
	public Result write(String traceId, ProfileType type, Instant since, Path html, Path collapsed, PrintWriter out)
			throws IOException {
		String id = normalise(traceId);
		Map<String, List<Found>> byService = new LinkedHashMap<>();
		int windowsRead = 0;
		List<String> services = this.profiles.services();
		for (String service : services) {
			for (Path window : this.profiles.windows(service, since)) {
				Optional<WindowRecording> recording = WindowRecording.readIfPresent(window, service);
				if (recording.isEmpty()) {
					continue;
				}
				windowsRead++;
				List<SpanInfo> spans = recording.get().spans().stream().filter((span) -> id.equals(span.traceId())).toList();
				if (!spans.isEmpty()) {
					byService.computeIfAbsent(service, (key) -> new ArrayList<>()).add(new Found(recording.get(), spans));
				}
			}
		}
		if (byService.isEmpty()) {
			throw ProfilesException.notFound("trace " + id + " is in none of the " + windowsRead + " windows of "
					+ String.join(", ", services) + " under " + this.profiles.path()
					+ ": it ran between windows, before them, or was not sampled (trace mode, "
					+ "PERFWATCH_PROFILING_MODE=trace, covers every request)");
		}

		FlameGraphBuilder graph = new FlameGraphBuilder("Trace " + id + " (" + type.id() + ")");
		Map<String, Long> collapsedStacks = new LinkedHashMap<>();
		long allSamples = 0;
		List<String> warnings = new ArrayList<>();
		out.printf(Locale.ROOT, "Trace %s, %s profile, %d of %d services recorded it%n", id, type.id(), byService.size(),
				services.size());
		for (Map.Entry<String, List<Found>> entry : byService.entrySet()) {
			String service = entry.getKey();
			Map<String, SpanInfo> spans = new LinkedHashMap<>();
			entry.getValue().forEach((found) -> found.spans().forEach((span) -> spans.put(span.spanId(), span)));
			Map<String, Long> samplesBySpan = new HashMap<>();
			FrameTable frames = new FrameTable();
			for (Found found : entry.getValue()) {
				found.recording().samples(type, (sample) -> {
					if (!id.equals(sample.traceId())) {
						return;
					}
					SpanInfo span = spans.get(sample.spanId());
					String spanLabel = (span != null) ? label(span) : "span " + sample.spanId();
					graph.add(List.of(service, spanLabel), sample.frames(), sample.types(), sample.weight());
					if (collapsed != null) {
						collapsedStacks.merge(service + ";" + spanLabel + ";" + String.join(";", sample.frames()),
								sample.weight(), Long::sum);
					}
					samplesBySpan.merge(sample.spanId(), sample.weight(), Long::sum);
					frames.add(sample.frames(), sample.weight());
				});
			}
			long serviceSamples = frames.weight();
			allSamples += serviceSamples;
			out.println();
			out.printf(Locale.ROOT, "%s: %,d %s in %s%n", service, serviceSamples, type.unit(),
					String.join(", ", entry.getValue().stream().map((found) -> found.recording().file().getFileName().toString()).toList()));
			out.println("   duration ms  " + pad(type.unit(), 10) + "  span");
			spans.values()
				.stream()
				.sorted(Comparator.comparingLong(SpanInfo::startMicros))
				.forEach((span) -> out.printf(Locale.ROOT, "  %12.2f  %10d  %s%n", span.durationMillis(),
						samplesBySpan.getOrDefault(span.spanId(), 0L), label(span)));
			List<FrameTable.Row> own = frames.topByTotal(this.top, this.ownCode);
			if (!own.isEmpty()) {
				out.println("  your code, by total share of this service's " + type.unit() + ":");
				own.forEach((row) -> out.printf(Locale.ROOT, "    %6.2f%%  %s%n", row.totalPercent(), row.frame()));
			}
			long virtual = spans.values().stream().filter(SpanInfo::onVirtualThread).count();
			if (virtual > 0) {
				warnings.add(service + ": " + virtual + " of its " + spans.size() + " spans ran on virtual threads, whose "
						+ "samples land on carrier threads and cannot be joined to spans "
						+ "(set spring.threads.virtual.enabled=false, the perfwatch default)");
			}
		}
		if (allSamples == 0) {
			warnings.forEach((warning) -> out.println("warning: " + warning));
			out.flush();
			throw ProfilesException.notFound("trace " + id + " was recorded, but no " + type.id()
					+ " samples fell inside its spans (the trace is short for the sampling interval: trace mode, "
					+ "PERFWATCH_PROFILING_MODE=trace, samples more densely)");
		}
		if (type != ProfileType.ALLOC && allSamples < FEW_SAMPLES) {
			warnings.add("only " + allSamples + " samples: a rough picture; trace mode (PERFWATCH_PROFILING_MODE=trace) "
					+ "samples more densely");
		}
		graph.write(html);
		out.println();
		warnings.forEach((warning) -> out.println("warning: " + warning));
		out.println("Flame graph: " + html.toAbsolutePath());
		if (collapsed != null) {
			writeCollapsed(collapsed, collapsedStacks);
			out.println("Collapsed stacks: " + collapsed.toAbsolutePath());
		}
		out.flush();
		return new Result(html, allSamples, byService.keySet().stream().toList());
	}

	/**
	 * Writes {@code service;span;frame;... weight} lines, the format other flame graph tools read.
	 */
	private static void writeCollapsed(Path file, Map<String, Long> stacks) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		StringBuilder text = new StringBuilder();
		stacks.forEach((stack, weight) -> text.append(stack).append(' ').append(weight).append('\n'));
		Files.writeString(file, text);
	}

	/**
	 * A trace id as users paste it: any case, with or without the 64-bit form's leading zeros.
	 */
	static String normalise(String traceId) {
		String id = traceId.strip().toLowerCase(Locale.ROOT);
		if (!id.matches("[0-9a-f]{16}|[0-9a-f]{32}")) {
			throw ProfilesException.badInput("'" + traceId + "' is not a trace id (16 or 32 hex digits)");
		}
		return (id.length() == 16) ? "0000000000000000" + id : id;
	}

	static String label(SpanInfo span) {
		return span.name() + " [" + span.kind().toLowerCase(Locale.ROOT) + ", "
				+ String.format(Locale.ROOT, "%.1f ms", span.durationMillis()) + "]";
	}

	private static String pad(String text, int width) {
		return " ".repeat(Math.max(0, width - text.length())) + text;
	}

	record Found(WindowRecording recording, List<SpanInfo> spans) {

	}

	/**
	 * @param html where the flame graph went
	 * @param samples samples (or bytes) it holds
	 * @param services the services that recorded the trace
	 */
	public record Result(Path html, long samples, List<String> services) {

	}

}
