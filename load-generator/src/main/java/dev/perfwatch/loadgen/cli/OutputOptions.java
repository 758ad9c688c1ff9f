package dev.perfwatch.loadgen.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

import dev.perfwatch.loadgen.report.TraceLinks;

/** Where and how results are shown and written. */
public class OutputOptions {

	public static final String PROFILES_DIR_VARIABLE = "PERFWATCH_PROFILES_DIR";

	/** How progress is shown while a run goes on. */
	public enum Progress {

		AUTO, LIVE, LINES, OFF

	}

	@Option(names = "--out", paramLabel = "FILE.json", description = "Write the report as JSON (the contract in "
			+ "README.md) and the HdrHistogram interval log next to it (same name, .hlog).")
	public Path json;

	@Option(names = "--html", paramLabel = "FILE.html",
			description = "Write a self-contained HTML page: percentile chart and latency over time.")
	public Path html;

	@Option(names = "--slowest", paramLabel = "N", defaultValue = "10",
			description = "List the trace ids of the N slowest requests. Default: ${DEFAULT-VALUE}.")
	public int slowest;

	@Option(names = "--trace-ui", paramLabel = "URL", defaultValue = TraceLinks.ZIPKIN_LOCAL,
			description = "Base of the trace links: the trace id is appended, or replaces {traceId}, e.g. "
					+ "'https://console.cloud.google.com/traces/list?project=P&tid={traceId}'. Default: ${DEFAULT-VALUE}.")
	public String traceUi;

	@Option(names = "--profiles-dir", paramLabel = "DIR", description = "The services' profiles directory: the "
			+ "slowest list then says whether a profile window covers each request and gives the command of its "
			+ "trace flame graph. Default: the " + PROFILES_DIR_VARIABLE + " environment variable, if set; '' for none.")
	public Path profilesDir;

	@Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", description = "auto (a live line on a "
			+ "terminal, otherwise plain lines), live, lines or off. Progress goes to standard error.")
	public Progress progress;

	@Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
			description = "How often plain progress lines are printed. Default: ${DEFAULT-VALUE}.")
	public double progressEvery;

	public void validate() {
		if (this.slowest < 0) {
			throw new BadInputException("--slowest must be zero or more");
		}
	}

	/**
	 * @return the profiles directory from {@code --profiles-dir} or else the environment, or
	 * {@code null} when neither names one
	 * @throws BadInputException when the one named is not a directory
	 */
	public Path profilesDir(Map<String, String> environment) {
		if (this.profilesDir != null) {
			return this.profilesDir.toString().isEmpty() ? null
					: existing(this.profilesDir, "--profiles-dir " + this.profilesDir);
		}
		String fromEnvironment = environment.get(PROFILES_DIR_VARIABLE);
		if (fromEnvironment == null || fromEnvironment.isEmpty()) {
			return null;
		}
		try {
			return existing(Path.of(fromEnvironment), PROFILES_DIR_VARIABLE + "=" + fromEnvironment);
		}
		catch (InvalidPathException ex) {
			throw new BadInputException(PROFILES_DIR_VARIABLE + " is not a path: " + ex.getMessage());
		}
	}

	private static Path existing(Path dir, String given) {
		if (!Files.isDirectory(dir)) {
			throw new BadInputException(given + " is not a directory (--profiles-dir '' reports without profiles)");
		}
		return dir;
	}

	/** The HdrHistogram log written beside the JSON report. */
	public Path histogramLog() {
		if (this.json == null) {
			return null;
		}
		String name = this.json.getFileName().toString();
		String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
		return this.json.resolveSibling(base + ".hlog");
	}

}
