package dev.perfwatch.loadgen.profiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profiles}: where does a service's time (or memory) go? Merges the service's profile
 * windows of the last while, prints the top frames by self and by total weight, and writes one
 * flame graph of them all.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true,
		description = "Merge a service's continuous-profiling windows: top frames and one flame graph.")
public class ProfilesCommand implements Callable<Integer> {

	static final int BAD_INPUT = 1;

	private final Clock clock;

	@Spec
	CommandSpec spec;

	@Option(names = "--dir", required = true, description = "The profiles directory (PERFWATCH_PROFILES_DIR of the services).")
	Path dir;

	@Option(names = "--service", required = true, description = "The service, as spring.application.name names it, e.g. frontend-service.")
	String service;

	@Option(names = "--since", defaultValue = "10m", converter = DurationConverter.class,
			description = "How far back windows are read: 90s, 10m, 2h, 1d. Default: ${DEFAULT-VALUE}.")
	Duration since;

	@Option(names = "--type", defaultValue = "cpu", converter = ProfileType.Converter.class,
			description = "cpu, alloc or wall. Default: ${DEFAULT-VALUE}.")
	ProfileType type;

	@Option(names = "--top", defaultValue = "15", description = "How many frames each list shows. Default: ${DEFAULT-VALUE}.")
	int top;

	@Option(names = "--frames", defaultValue = ".*",
			description = "Only frames matching this regex are listed, e.g. 'dev\\.perfwatch\\..*'; percentages stay of the whole profile.")
	Pattern frames;

	@Option(names = "--html", description = "Where the merged flame graph goes. Default: DIR/SERVICE/merged-TYPE.html.")
	Path html;

	public ProfilesCommand() {
		this(Clock.systemUTC());
	}

	ProfilesCommand(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			if (this.top < 1) {
				throw new ProfilesException("--top must be at least 1");
			}
			report(out);
			return 0;
		}
		catch (ProfilesException ex) {
			err.println("profiles: " + ex.getMessage());
			return BAD_INPUT;
		}
	}

	private void report(PrintWriter out) throws IOException {
		Instant from = this.clock.instant().minus(this.since);
		List<Path> windows = ProfileWindows.find(this.dir, this.service, this.type, from);
		String range = ProfileWindows.timestampOf(windows.get(0)) + " to "
				+ ProfileWindows.timestampOf(windows.get(windows.size() - 1));
		MergedProfile profile = new MergedProfile(this.type, this.service + " " + this.type.id() + ", " + windows.size()
				+ " windows, " + range);
		for (Path window : windows) {
			profile.add(window);
		}
		FrameTable table = profile.frames();
		if (table.weight() == 0) {
			throw new ProfilesException("the " + windows.size() + " " + this.type.id() + " windows of '" + this.service
					+ "' since " + from + " hold no samples");
		}
		Path flameGraph = (this.html != null) ? this.html
				: this.dir.resolve(this.service).resolve("merged-" + this.type.id() + ".html");
		profile.writeHtml(flameGraph);

		out.printf(Locale.ROOT, "%s profile of %s: %d windows (%s), %,d %s%n", this.type.id(), this.service,
				windows.size(), range, table.weight(), this.type.unit());
		Predicate<String> shown = (frame) -> this.frames.matcher(frame).matches();
		printRows(out, "self", table.topBySelf(this.top, shown));
		printRows(out, "total", table.topByTotal(this.top, shown));
		out.println();
		out.println("Flame graph: " + flameGraph.toAbsolutePath());
		out.flush();
	}

	private static void printRows(PrintWriter out, String order, List<FrameTable.Row> rows) {
		out.println();
		out.println("Top " + rows.size() + " frames by " + order + ":");
		out.println("   self%  total%  frame");
		for (FrameTable.Row row : rows) {
			out.printf(Locale.ROOT, "  %6.2f  %6.2f  %s%n", row.selfPercent(), row.totalPercent(), row.frame());
		}
	}

}
