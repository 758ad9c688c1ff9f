package dev.perfwatch.loadgen;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.cli.GateOptions;
import dev.perfwatch.loadgen.cli.OutputOptions;
import dev.perfwatch.loadgen.cli.TargetUrl;
import dev.perfwatch.loadgen.cli.WorkloadOptions;
import dev.perfwatch.loadgen.cli.WorkloadPlan;
import dev.perfwatch.loadgen.compare.CompareCommand;
import dev.perfwatch.loadgen.gate.BaselineComparison;
import dev.perfwatch.loadgen.gate.Gate;
import dev.perfwatch.loadgen.http.NettyTransport;
import dev.perfwatch.loadgen.http.Reachability;
import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.run.Pauses;
import dev.perfwatch.loadgen.run.RecipeSettings;
import dev.perfwatch.loadgen.sizing.SizeCommand;

/**
 * The {@code load-generator} command. Without a subcommand it loads a URL; subcommands add
 * other performance tools to the same jar (list them in {@code subcommands}).
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true, version = "perfwatch load-generator 1.0.0",
		sortOptions = false, usageHelpAutoWidth = true, subcommands = { HelpCommand.class, CompareCommand.class,
				SizeCommand.class },
		description = { "Loads a URL and reports honest latency: coordinated-omission corrected percentiles from an "
				+ "HdrHistogram, failures by kind, and trace links to the slowest requests (each request carries "
				+ "its own W3C traceparent).", "",
				"Modes: the recipe pattern (default), a closed loop (--requests/--concurrency/--duration), or an "
						+ "open model at a fixed arrival rate (--rate/--duration, or stepped --rate A,B,C --step D).",
				"" },
		footer = { "", "Examples:", "  load-generator http://127.0.0.1:8080/",
				"  load-generator -n 2000 -c 20 --out run.json http://127.0.0.1:8080/",
				"  load-generator --rate 50,100,200 --step 30s --warmup 10s URL",
				"  load-generator --rate 100 -d 1m --fail-if 'p99>500ms' --fail-if 'errors>1%%' URL",
				"  load-generator -n 2000 -c 20 --baseline run.json --tolerance 10%% URL",
				"", "Exit codes: 0 ok, 1 a --fail-if gate held or --baseline found a regression, "
						+ "2 bad input or unreachable target, 3 internal error." })
public class LoadGenerator implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "URL",
			description = "Target URL (any path). Default: the FRONTEND_URL environment variable.")
	String url;

	@Mixin
	WorkloadOptions workload;

	@Mixin
	OutputOptions output;

	@Mixin
	GateOptions gates;

	private final Map<String, String> environment;

	private final PrintStream out;

	private final PrintStream err;

	private final RecipeSettings recipe;

	private final Pauses pauses;

	/**
	 * @param recipe the recipe pattern to run, {@link RecipeSettings#DEFAULT} outside tests
	 * @param pauses how the recipe waits between submissions, {@link Pauses#SLEEP} outside tests
	 */
	public LoadGenerator(Map<String, String> environment, PrintStream out, PrintStream err, RecipeSettings recipe,
			Pauses pauses) {
		this.environment = environment;
		this.out = out;
		this.err = err;
		this.recipe = recipe;
		this.pauses = pauses;
	}

	public static void main(String[] args) {
		LoadGenerator generator = new LoadGenerator(System.getenv(), System.out, System.err, RecipeSettings.DEFAULT,
				Pauses.SLEEP);
		System.exit(commandLine(generator).execute(args));
	}

	/** The command line with this tool's error handling: one line and exit code 2 for bad input. */
	public static CommandLine commandLine(LoadGenerator generator) {
		CommandLine commandLine = new CommandLine(generator);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setOut(new java.io.PrintWriter(generator.out, true));
		commandLine.setErr(new java.io.PrintWriter(generator.err, true));
		commandLine.setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println("load-generator: " + ex.getMessage() + " (see --help)");
			return ExitCodes.BAD_INPUT;
		});
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			if (ex instanceof BadInputException) {
				cmd.getErr().println("load-generator: " + ex.getMessage());
				return ExitCodes.BAD_INPUT;
			}
			cmd.getErr().println("load-generator: internal error: " + ex);
			ex.printStackTrace(new java.io.PrintWriter(cmd.getErr(), true));
			return ExitCodes.INTERNAL_ERROR;
		});
		return commandLine;
	}

	@Override
	public Integer call() throws InterruptedException {
		URI target = TargetUrl.resolve(this.url, this.environment.get(TargetUrl.ENVIRONMENT_VARIABLE));
		WorkloadPlan plan = this.workload.plan(this.recipe, this.pauses);
		this.output.validate();
		Path profilesDir = this.output.profilesDir(this.environment);
		List<Gate> gateList = this.gates.gates();
		Report baseline = this.gates.baselineReport();
		BaselineComparison comparison = this.gates.comparison();
		Report report;
		try (NettyTransport transport = new NettyTransport(target, this.workload.threads(),
				this.workload.connectTimeout(), this.workload.timeout())) {
			Reachability.problem(transport, target, this.workload.connectTimeout().plus(this.workload.timeout()))
				.ifPresent((problem) -> {
					throw new BadInputException(problem);
				});
			this.out.println("load-generator: " + plan.description() + " against " + target);
			report = new RunAndReport(this.workload, this.output, profilesDir, this.err).run(transport, target, plan);
		}
		dev.perfwatch.loadgen.report.TextReport.print(report, this.out);
		return verdict(report, gateList, baseline, comparison);
	}

	private int verdict(Report report, List<Gate> gateList, Report baseline, BaselineComparison comparison) {
		List<String> failures = new ArrayList<>();
		for (Gate gate : gateList) {
			gate.check(report).ifPresent(failures::add);
		}
		if (baseline != null) {
			BaselineComparison.Result result = comparison.compare(baseline, report);
			result.print(this.out, this.gates.tolerance());
			if (result.regressed()) {
				failures.add("regression against " + this.gates.baselineName() + ": "
						+ String.join(", ", result.regressions()));
			}
		}
		if (failures.isEmpty()) {
			return ExitCodes.OK;
		}
		this.out.println();
		failures.forEach((failure) -> this.out.println("FAILED: " + failure));
		return ExitCodes.FAILED;
	}

}
