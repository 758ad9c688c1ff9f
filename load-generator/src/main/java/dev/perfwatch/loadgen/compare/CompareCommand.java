package dev.perfwatch.loadgen.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.perfwatch.loadgen.ExitCodes;
import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.cli.Percentages;

/**
 * {@code load-generator compare}: the comparison engine of the regression gate. It judges two
 * cohorts of rounds (base and head revisions, run alternately) metric by metric against a
 * tolerance derived from the rounds' own spread, so that noise on a shared machine does not
 * raise false alarms.
 */
@Command(name = "compare", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Compares two cohorts of rounds (--out reports of the load generator, and optionally CPU ms "
				+ "per request per service) and prints one verdict: pass, regression or improvement, with the "
				+ "evidence table (mean of each side, change, tolerance, spread) and the metrics that decided.", "",
				"Compared: throughput (rate.achieved, higher is better), p50 and p99 (latency_ms, coordinated-omission "
						+ "corrected) and each service's CPU ms per request (lower is better).",
				"",
				"Tolerance per metric: the larger of --min-tolerance and t(99%%, nBase+nHead-2) x sqrt(1/nBase + "
						+ "1/nHead) x the pooled coefficient of variation of the rounds: the half-width of the 99%% "
						+ "confidence interval of the difference of the means (Student's t). A change the rounds cannot "
						+ "tell from their own noise passes; more rounds or steadier rounds tighten the tolerance.",
				"With --paired: the change is the mean of the pairs' head/base ratios, and the tolerance t(99%%, "
						+ "pairs-1) / sqrt(pairs) x their standard deviation.",
				"" },
		footer = { "", "CPU file: {\"rounds\": [{\"frontend-service\": 2.41, \"data-service\": 3.12, ...}, ...]}, one "
				+ "object per round in the order of the reports, CPU ms per measured request for each service.", "",
				"Example:",
				"  load-generator compare --base a1.json --base a2.json \\",
				"      --head b1.json --head b2.json \\",
				"      --cpu-base cpu-a.json --cpu-head cpu-b.json --json verdict.json", "",
				"Exit codes: 0 pass or improvement, 1 regression, 2 bad input (a missing, unreadable or malformed "
						+ "file, fewer than 2 rounds per side)." })
public class CompareCommand implements Callable<Integer> {

	@Option(names = "--base", paramLabel = "ROUND.json", description = "A round of the base revision: a "
			+ "load-generator --out report. Repeat once per round, at least " + Cohort.MIN_ROUNDS + ".")
	List<Path> base = new ArrayList<>();

	@Option(names = "--head", paramLabel = "ROUND.json",
			description = "A round of the head revision (the candidate), as --base.")
	List<Path> head = new ArrayList<>();

	@Option(names = "--cpu-base", paramLabel = "CPU.json",
			description = "CPU ms per request per service of the base rounds (format below). Needs --cpu-head.")
	Path cpuBase;

	@Option(names = "--cpu-head", paramLabel = "CPU.json",
			description = "CPU ms per request per service of the head rounds. Needs --cpu-base.")
	Path cpuHead;

	@Option(names = "--json", paramLabel = "VERDICT.json",
			description = "Also write the verdict and the evidence as JSON (layout in README.md).")
	Path json;

	@Option(names = "--min-tolerance", paramLabel = "PCT", defaultValue = "2%", description = "The smallest "
			+ "tolerance of any metric, however steady the rounds. Default: ${DEFAULT-VALUE}.")
	String minTolerance;

	@Option(names = "--paired", description = "The i-th --base round ran next to the i-th --head round (in A B B A "
			+ "order): judge the head/base ratios of the pairs, so that what both rounds of a pair share (the "
			+ "machine's drift, warmup) cancels. Needs as many rounds on each side; 4 pairs or more.")
	boolean paired;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if ((this.cpuBase == null) != (this.cpuHead == null)) {
			throw new BadInputException("--cpu-base and --cpu-head go together: give both or neither");
		}
		double floor = Percentages.parseFraction(this.minTolerance);
		Cohort baseCohort = Cohort.read("base", this.base, this.cpuBase);
		Cohort headCohort = Cohort.read("head", this.head, this.cpuHead);
		Comparison comparison = Comparison.of(baseCohort, headCohort, new NoiseTolerance(floor, this.paired));
		if (this.json != null) {
			VerdictJson.write(comparison, this.json);
		}
		VerdictTable.print(comparison, this.spec.commandLine().getOut());
		this.spec.commandLine().getOut().flush();
		return (comparison.outcome() == Outcome.REGRESSION) ? ExitCodes.FAILED : ExitCodes.OK;
	}

}
