package dev.perfwatch.profiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.perfwatch.profiles.diff.Cohorts;
import dev.perfwatch.profiles.diff.ProfileDiff;
import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.frames.OwnCode;
import dev.perfwatch.profiles.recording.ProfileDirectory;
import dev.perfwatch.profiles.service.ServiceProfile;
import dev.perfwatch.profiles.trace.TraceProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profiles}: flame graphs and top frames drawn from the windows the services record, for a
 * service, for one trace across services, or as the difference between two cohorts.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true, version = "perfwatch profiles 1.0.0", sortOptions = false,
		usageHelpAutoWidth = true,
		description = { "Reads the profile windows the services record (PERFWATCH_PROFILING=on) and draws:",
				"  --service S   where one service's time or memory goes, over the last while;",
				"  --trace ID    one trace's flame graph across every service: service, then span, then frames;",
				"  --diff        the slowest traces against the typical ones, windows before and after --split-at,", "                or --base-dir against --dir.", "" },
		footer = { "", "Examples:", "  profiles --service data-service --type cpu", "  profiles --trace 4bf92f3577b34da6a3ce929d0e0e4736 --type wall",
				"  profiles --diff --slowest 10", "  profiles --diff --base-dir before/profiles --dir after/profiles --service data-service",
				"", "Exit codes: 0 ok, 1 nothing found (no window holds the trace, no samples), 2 bad input "
						+ "(options, missing directory, unreadable recording), 3 internal error." })
public final class ProfilesCli implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--dir", description = "The profiles directory (PERFWATCH_PROFILES_DIR of the services). Default: that variable, else ./profiles.")
	Path dir;

	@Option(names = "--service", description = "The service, as spring.application.name names it, e.g. data-service.")
	String service;

	@Option(names = "--trace", paramLabel = "ID", description = "A trace id (32 or 16 hex digits), e.g. from Zipkin or the load generator's slowest list.")
	String trace;

	@Option(names = "--diff", description = "Compare two cohorts: the --slowest traces against the typical ones, windows before and after --split-at, or --base-dir against --dir.")
	boolean diff;

	@Option(names = "--base-dir", description = "With --diff: the directory to compare --dir against (e.g. before a change).")
	Path baseDir;

	@Option(names = "--split-at", paramLabel = "D", converter = DurationConverter.class, description = "With --diff: the windows that started more than D ago (e.g. 15m) against those that started since, in one directory: before and after a deploy or a change.")
	Duration splitAt;

	@Option(names = "--slowest", defaultValue = "10", description = "With --diff: how many of the slowest traces form the slow cohort. Default: ${DEFAULT-VALUE}.")
	int slowest;

	@Option(names = "--type", defaultValue = "cpu", converter = TypeConverter.class, description = "cpu, wall or alloc. Default: ${DEFAULT-VALUE}.")
	ProfileType type;

	@Option(names = "--since", converter = DurationConverter.class, description = "Only windows that started this long ago or later: 90s, 10m, 2h, 1d. Default: 10m with --service, all windows otherwise.")
	Duration since;

	@Option(names = "--top", defaultValue = "15", description = "How many frames each list shows. Default: ${DEFAULT-VALUE}.")
	int top;

	@Option(names = "--frames", defaultValue = ".*", description = "With --service and --diff: only frames matching this regex are listed, e.g. 'dev\\.perfwatch\\..*'; percentages stay of the whole profile.")
	Pattern frames;

	@Option(names = "--hide", split = ",", paramLabel = "PREFIX", description = "Package prefixes left out of the 'your code' lists. Default: the JDK, Spring, Tomcat, HttpClient, Micrometer, Brave, Jackson, logging.")
	List<String> hide;

	@Option(names = "--collapsed", description = "With --trace: also write the graph's stacks as collapsed text (service;span;frame;... weight) to this file.")
	Path collapsed;

	@Option(names = "--pprof", paramLabel = "FILE", description = "With --service: also write the profile in pprof format (gzipped profile.proto) to this file, for go tool pprof and other pprof readers.")
	Path pprof;

	@Option(names = "--html", description = "Where the flame graph goes. Default: DIR/SERVICE/merged-TYPE.html, DIR/traces/ID-TYPE.html or DIR/diffs/....html.")
	Path html;

	private final Map<String, String> environment;

	private final Clock clock;

	public ProfilesCli(Map<String, String> environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	public static void main(String[] args) {
		System.exit(commandLine(new ProfilesCli(System.getenv(), Clock.systemUTC()), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true)).execute(args));
	}

	/** The command line with this tool's error handling: one line and the exit code of the trouble. */
	public static CommandLine commandLine(ProfilesCli cli, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(cli);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((ex, args) -> {
			err.println("profiles: " + ex.getMessage());
			err.println("Try 'profiles --help'.");
			return ExitCodes.BAD_INPUT;
		});
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (ex instanceof ProfilesException trouble) {
				err.println("profiles: " + trouble.getMessage());
				return trouble.exitCode();
			}
			err.println("profiles: internal error: " + ex);
			return ExitCodes.INTERNAL_ERROR;
		});
		return commandLine;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		int modes = ((this.trace != null) ? 1 : 0) + (this.diff ? 1 : 0) + ((this.service != null && !this.diff) ? 1 : 0);
		if (modes != 1) {
			throw ProfilesException.badInput("choose one of --service, --trace or --diff (see --help)");
		}
		if (this.top < 1 || this.slowest < 1) {
			throw ProfilesException.badInput("--top and --slowest must be at least 1");
		}
		if (this.pprof != null && (this.service == null || this.diff)) {
			throw ProfilesException.badInput("--pprof goes with --service");
		}
		if ((this.baseDir != null || this.splitAt != null) && !this.diff) {
			throw ProfilesException.badInput("--base-dir and --split-at go with --diff");
		}
		if (this.baseDir != null && this.splitAt != null) {
			throw ProfilesException.badInput("choose one of --base-dir and --split-at");
		}
		ProfileDirectory profiles = new ProfileDirectory(profilesDir());
		Predicate<String> ownCode = new OwnCode((this.hide != null) ? this.hide : OwnCode.FRAMEWORK_PREFIXES);
		Predicate<String> shown = (frame) -> this.frames.matcher(frame).matches();
		if (this.trace != null) {
			Path target = (this.html != null) ? this.html
					: profiles.path().resolve("traces").resolve(TraceProfileFiles.name(this.trace, this.type));
			new TraceProfile(profiles, ownCode, this.top).write(this.trace, this.type, since(Duration.ZERO), target,
					this.collapsed, out);
		}
		else if (this.diff) {
			diff(profiles, ownCode, shown, out);
		}
		else {
			Path target = (this.html != null) ? this.html
					: profiles.path().resolve(this.service).resolve("merged-" + this.type.id() + ".html");
			new ServiceProfile(profiles, ownCode, shown, this.top).write(this.service, this.type,
					since(Duration.ofMinutes(10)), target, this.pprof, out);
		}
		return ExitCodes.OK;
	}

	private void diff(ProfileDirectory profiles, Predicate<String> ownCode, Predicate<String> shown, PrintWriter out)
			throws IOException {
		List<String> services = (this.service != null) ? List.of(this.service) : profiles.services();
		Instant from = since(Duration.ZERO);
		ProfileDiff result;
		String name;
		if (this.baseDir != null) {
			result = Cohorts.directories(new ProfileDirectory(this.baseDir), profiles, services, from, this.type);
			name = "dirs-" + this.type.id();
		}
		else if (this.splitAt != null) {
			result = Cohorts.beforeAndAfter(profiles, services, from, this.clock.instant().minus(this.splitAt), this.type);
			name = "split-" + this.type.id();
		}
		else {
			result = Cohorts.slowestVersusTypical(profiles, services, from, this.type, this.slowest, out);
			name = "slowest-" + this.slowest + "-" + this.type.id();
		}
		out.println();
		out.println("Your code, the largest changes in total share:");
		result.print(out, ownCode, this.top);
		out.println();
		out.println("All code, the largest changes in total share:");
		result.print(out, shown, this.top);
		Path target = (this.html != null) ? this.html : profiles.path().resolve("diffs").resolve(name + ".html");
		result.writeHtml(target, "perfwatch " + this.type.id() + " diff: " + String.join(", ", services));
		out.println();
		out.println("Differential flame graph: " + target.toAbsolutePath());
		out.flush();
	}

	private Path profilesDir() {
		if (this.dir != null) {
			return this.dir;
		}
		String fromEnvironment = this.environment.get("PERFWATCH_PROFILES_DIR");
		return Path.of((fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "profiles");
	}

	private Instant since(Duration byDefault) {
		Duration back = (this.since != null) ? this.since : byDefault;
		return back.isZero() ? Instant.EPOCH : this.clock.instant().minus(back);
	}

	/** Reads {@code --type cpu|wall|alloc}. */
	static final class TypeConverter implements CommandLine.ITypeConverter<ProfileType> {

		@Override
		public ProfileType convert(String value) {
			try {
				return ProfileType.of(value);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.TypeConversionException(ex.getMessage());
			}
		}

	}

}
