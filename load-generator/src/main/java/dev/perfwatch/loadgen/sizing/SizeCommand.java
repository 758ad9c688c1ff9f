package dev.perfwatch.loadgen.sizing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.perfwatch.loadgen.ExitCodes;
import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.cli.Durations;
import dev.perfwatch.loadgen.cli.Percentages;
import dev.perfwatch.loadgen.cli.Rates;

/** {@code load-generator size}: Cloud Run settings and monthly cost from measured usage. */
@Command(name = "size", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
		description = { "Recommends Cloud Run --cpu, --memory, --concurrency, --min-instances and --max-instances per "
				+ "service for a target rate and p99 objective, from a stepped load's measurements "
				+ "(bench/sizing.sh writes them), with the monthly cost under request-based and instance-based "
				+ "billing. Prints the reasoning and its assumptions.", "" },
		footer = { "", "Example:",
				"  load-generator size --rate 50 --json sizing.json --deploy-env sizing.env measurements.json",
				"  deploy/deploy.sh --project P --sizing sizing.env",
				"", "Exit codes: 0 ok, 1 no measured step meets the objective (the JSON report says so; no env file "
						+ "is written), 2 bad input, 3 internal error." })
public class SizeCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MEASUREMENTS.json",
			description = "Measurements of a stepped load (format: load-generator/README.md).")
	Path measurements;

	@Option(names = { "-r", "--rate" }, required = true, paramLabel = "R",
			description = "Target rate at the entry point, requests per second.")
	String rate;

	@Option(names = "--p99", paramLabel = "D", description = "p99 objective end to end, e.g. 800ms or 1s. "
			+ "Default: the threshold of the --slo file.")
	String p99;

	@Option(names = "--slo", paramLabel = "FILE", defaultValue = "monitoring/cloud/slos/latency-1s.json",
			description = "Cloud Monitoring SLO whose 99 %% threshold is the p99 objective when --p99 is not given. "
					+ "Default: ${DEFAULT-VALUE}.")
	Path slo;

	@Option(names = "--max-errors", paramLabel = "PCT", defaultValue = "0.5%", description = "Share of failed "
			+ "requests a step may have and still count as served (the availability SLO's budget). "
			+ "Default: ${DEFAULT-VALUE}.")
	String maxErrors;

	@Option(names = "--headroom", paramLabel = "PCT", defaultValue = "25%",
			description = "Added to peak memory and to the instance count. Default: ${DEFAULT-VALUE}.")
	String headroom;

	@Option(names = "--pricing", paramLabel = "FILE", defaultValue = "deploy/cloud-run-pricing.json",
			description = "Prices with their source and date. Default: ${DEFAULT-VALUE}.")
	Path pricing;

	@Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
	Path json;

	@Option(names = "--deploy-env", paramLabel = "FILE",
			description = "Also write the settings for deploy/deploy.sh --sizing FILE.")
	Path deployEnv;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		List<Double> rates = Rates.parse(this.rate);
		if (rates.size() != 1) {
			throw new BadInputException("--rate takes one target rate, got " + this.rate);
		}
		Objective objective = objective();
		double headroomFraction = Percentages.parseFraction(this.headroom);
		Pricing prices = PricingFile.read(this.pricing);
		Measurements measured = MeasurementsFile.read(this.measurements);
		SizingReport report = new CloudRunSizer(objective, prices, this.pricing.toString(), headroomFraction)
			.size(measured, this.measurements.toString(), rates.get(0));
		PrintWriter out = this.spec.commandLine().getOut();
		SizingTable.print(report, out);
		out.flush();
		if (this.json != null) {
			write(this.json, SizingJson.render(report));
		}
		if (!report.objectiveMet()) {
			return ExitCodes.FAILED;
		}
		if (this.deployEnv != null) {
			write(this.deployEnv, DeployEnvFile.render(report));
		}
		return ExitCodes.OK;
	}

	private Objective objective() {
		double maxErrorRatio = Percentages.parseFraction(this.maxErrors);
		if (this.p99 != null) {
			double p99Ms = Durations.parse(this.p99).toNanos() / 1e6;
			if (p99Ms <= 0) {
				throw new BadInputException("--p99 must be more than zero, got " + this.p99);
			}
			return new Objective(p99Ms, maxErrorRatio, "--p99 " + this.p99);
		}
		return new Objective(SloFile.p99Ms(this.slo), maxErrorRatio, this.slo.toString());
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new BadInputException("cannot write " + file + ": " + ex.getMessage());
		}
	}

}
