package dev.perfwatch.profiles.diff;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.WindowFiles;
import dev.perfwatch.profiles.recording.ProfileDirectory;
import dev.perfwatch.profiles.recording.Sample;
import dev.perfwatch.profiles.recording.WindowRecording;

/**
 * The two sides of a {@link ProfileDiff}: the slowest traces of one run against its typical ones,
 * everything recorded before a moment against everything after it, or everything recorded in one
 * directory against another (before and after a change).
 */
public final class Cohorts {

	private Cohorts() {
	}

	/**
	 * The {@code slowest} traces against the typical ones (those between the 40th and 60th
	 * percentile of duration), a trace's duration being that of its longest recorded span.
	 */
	public static ProfileDiff slowestVersusTypical(ProfileDirectory profiles, List<String> services, Instant since,
			ProfileType type, int slowest, PrintWriter out) {
		List<WindowRecording> windows = read(profiles, services, since);
		Map<String, Long> durations = new HashMap<>();
		windows.forEach((window) -> window.spans()
			.forEach((span) -> durations.merge(span.traceId(), span.durationMicros(), Math::max)));
		if (durations.size() < slowest + 1) {
			throw ProfilesException.notFound("only " + durations.size() + " traces were recorded in these windows: too "
					+ "few to set the " + slowest + " slowest against typical ones");
		}
		List<Map.Entry<String, Long>> sorted = new ArrayList<>(durations.entrySet());
		sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
		Set<String> slow = new HashSet<>();
		sorted.subList(0, slowest).forEach((entry) -> slow.add(entry.getKey()));
		List<Map.Entry<String, Long>> rest = sorted.subList(slowest, sorted.size());
		int from = (int) (rest.size() * 0.4);
		int to = Math.max(from + 1, (int) Math.ceil(rest.size() * 0.6));
		Set<String> typical = new HashSet<>();
		rest.subList(from, to).forEach((entry) -> typical.add(entry.getKey()));
		out.printf(Locale.ROOT, "%d traces: the %d slowest (%.1f to %.1f ms) against %d typical ones (%.1f to %.1f ms)%n",
				durations.size(), slowest, millis(sorted.get(slowest - 1)), millis(sorted.get(0)), typical.size(),
				millis(rest.get(to - 1)), millis(rest.get(from)));
		ProfileDiff diff = new ProfileDiff("typical", "slowest");
		for (WindowRecording window : windows) {
			window.samples(type, (sample) -> {
				if (sample.traceId() == null) {
					return;
				}
				if (slow.contains(sample.traceId())) {
					diff.addHead(labelled(window.service(), sample), sample.weight());
				}
				else if (typical.contains(sample.traceId())) {
					diff.addBase(labelled(window.service(), sample), sample.weight());
				}
			});
		}
		return diff;
	}

	/**
	 * Every sample of the services in {@code base} against every sample of them in {@code head}.
	 */
	public static ProfileDiff directories(ProfileDirectory base, ProfileDirectory head, List<String> services,
			Instant since, ProfileType type) {
		ProfileDiff diff = new ProfileDiff("base", "head");
		for (WindowRecording window : read(base, services, since)) {
			window.samples(type, (sample) -> diff.addBase(labelled(window.service(), sample), sample.weight()));
		}
		for (WindowRecording window : read(head, services, since)) {
			window.samples(type, (sample) -> diff.addHead(labelled(window.service(), sample), sample.weight()));
		}
		return diff;
	}

	/**
	 * Every sample of the windows that started before {@code split} against every sample of those
	 * that started at or after it: before and after a deploy, a setting changed, a load changed.
	 */
	public static ProfileDiff beforeAndAfter(ProfileDirectory profiles, List<String> services, Instant since,
			Instant split, ProfileType type) {
		ProfileDiff diff = new ProfileDiff("before", "after");
		int[] windowsOnEachSide = new int[2];
		for (String service : services) {
			for (Path window : profiles.windows(service, since)) {
				boolean after = !WindowFiles.startOf(window).isBefore(split);
				WindowRecording.readIfPresent(window, service).ifPresent((recording) -> {
					windowsOnEachSide[after ? 1 : 0]++;
					recording.samples(type, (sample) -> {
						if (after) {
							diff.addHead(labelled(service, sample), sample.weight());
						}
						else {
							diff.addBase(labelled(service, sample), sample.weight());
						}
					});
				});
			}
		}
		if (windowsOnEachSide[0] == 0 || windowsOnEachSide[1] == 0) {
			throw ProfilesException.notFound("windows of " + String.join(", ", services) + " since " + since + " in "
					+ profiles.path() + ": " + windowsOnEachSide[0] + " before " + split + ", " + windowsOnEachSide[1]
					+ " after; a diff needs both");
		}
		return diff;
	}

	private static List<WindowRecording> read(ProfileDirectory profiles, List<String> services, Instant since) {
		List<WindowRecording> windows = new ArrayList<>();
		for (String service : services) {
			profiles.windows(service, since).forEach((window) -> WindowRecording.readIfPresent(window, service).ifPresent(windows::add));
		}
		if (windows.isEmpty()) {
			throw ProfilesException.notFound("no windows of " + String.join(", ", services) + " since " + since + " in "
					+ profiles.path());
		}
		return windows;
	}

	private static List<String> labelled(String service, Sample sample) {
		List<String> stack = new ArrayList<>(sample.frames().size() + 1);
		stack.add(service);
		stack.addAll(sample.frames());
		return stack;
	}

	private static double millis(Map.Entry<String, Long> trace) {
		return trace.getValue() / 1000.0;
	}

}
