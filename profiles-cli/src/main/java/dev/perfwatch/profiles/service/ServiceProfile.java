package dev.perfwatch.profiles.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.flame.FlameGraphBuilder;
import dev.perfwatch.profiles.pprof.PprofProfile;
import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.WindowFiles;
import dev.perfwatch.profiles.frames.FrameTable;
import dev.perfwatch.profiles.recording.ProfileDirectory;
import dev.perfwatch.profiles.recording.WindowRecording;

/**
 * Where a service's time (or memory) goes: its windows of the last while added up, the top frames
 * of its own code first, then the top frames of all code by self and total, and one flame graph.
 */
public final class ServiceProfile {

	private final ProfileDirectory profiles;

	private final Predicate<String> ownCode;

	private final Predicate<String> shown;

	private final int top;

	/**
	 * @param shown which frames the full lists show; their percentages stay of the whole profile
	 */
	public ServiceProfile(ProfileDirectory profiles, Predicate<String> ownCode, Predicate<String> shown, int top) {
		this.profiles = profiles;
		this.ownCode = ownCode;
		this.shown = shown;
		this.top = top;
	}

	/**
	 * @param pprof where the same samples also go in pprof format, or {@code null}
	 */
	public void write(String service, ProfileType type, Instant since, Path html, Path pprof, PrintWriter out)
			throws IOException {
		List<String> services = this.profiles.services();
		if (!services.contains(service)) {
			throw ProfilesException.badInput("no profiles for service '" + service + "' in " + this.profiles.path()
					+ " (services there: " + String.join(", ", services) + ")");
		}
		List<Path> windows = this.profiles.windows(service, since);
		if (windows.isEmpty()) {
			throw ProfilesException.notFound("no windows of '" + service + "' since " + since + " in "
					+ this.profiles.path().resolve(service));
		}
		String range = WindowFiles.timestamp(WindowFiles.startOf(windows.get(0))) + " to "
				+ WindowFiles.timestamp(WindowFiles.startOf(windows.get(windows.size() - 1)));
		FlameGraphBuilder graph = new FlameGraphBuilder(
				service + " " + type.id() + ", " + windows.size() + " windows, " + range);
		FrameTable table = new FrameTable();
		PprofProfile profile = new PprofProfile(type.id(), type.unit());
		for (Path window : windows) {
			WindowRecording.readIfPresent(window, service).ifPresent((recording) -> recording.samples(type, (sample) -> {
				graph.add(List.of(), sample.frames(), sample.types(), sample.weight());
				table.add(sample.frames(), sample.weight());
				profile.add(sample.frames(), sample.weight());
			}));
		}
		if (table.weight() == 0) {
			throw ProfilesException.notFound("the " + windows.size() + " windows of '" + service + "' since " + since
					+ " hold no " + type.id() + " samples");
		}
		graph.write(html);
		if (pprof != null) {
			profile.write(pprof);
		}

		out.printf(Locale.ROOT, "%s profile of %s: %d windows (%s), %,d %s%n", type.id(), service, windows.size(), range,
				table.weight(), type.unit());
		printRows(out, "Your code, top " + this.top + " by total (frames outside the JDK and frameworks):",
				table.topByTotal(this.top, this.ownCode));
		printRows(out, "All code, top " + this.top + " by self:", table.topBySelf(this.top, this.shown));
		printRows(out, "All code, top " + this.top + " by total:", table.topByTotal(this.top, this.shown));
		out.println();
		out.println("Flame graph: " + html.toAbsolutePath());
		if (pprof != null) {
			out.println("pprof: " + pprof.toAbsolutePath() + " (go tool pprof -http=: " + pprof + ")");
		}
		out.flush();
	}

	private static void printRows(PrintWriter out, String heading, List<FrameTable.Row> rows) {
		out.println();
		out.println(heading);
		out.println("   self%  total%  frame");
		for (FrameTable.Row row : rows) {
			out.printf(Locale.ROOT, "  %6.2f  %6.2f  %s%n", row.selfPercent(), row.totalPercent(), row.frame());
		}
	}

}
