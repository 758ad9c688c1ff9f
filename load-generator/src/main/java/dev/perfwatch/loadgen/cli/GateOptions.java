package dev.perfwatch.loadgen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.perfwatch.loadgen.gate.BaselineComparison;
import dev.perfwatch.loadgen.gate.Gate;
import dev.perfwatch.loadgen.report.JsonReports;
import dev.perfwatch.loadgen.report.Report;

/** Conditions that turn a run into a pass or a fail for CI. */
public class GateOptions {

	@Option(names = "--fail-if", paramLabel = "CONDITION", description = "Exit 1 if the condition holds, e.g. "
			+ "'p99>500ms', 'errors>1%%', 'mean>=20ms', 'rate<100', 'late>0'. Latency: min mean p50 p90 p95 p99 "
			+ "p999 max in us/ms/s; errors, late, dropped as a count or %%; rate in req/s. Repeatable.")
	List<String> failIf = new ArrayList<>();

	@Option(names = "--baseline", paramLabel = "OLD.json",
			description = "Compare with an earlier --out report, print the table, exit 1 on a regression.")
	Path baseline;

	@Option(names = "--tolerance", paramLabel = "PCT", defaultValue = "10%", description = "How much worse a "
			+ "latency figure (or a closed-loop rate) may get before it is a regression. Default: ${DEFAULT-VALUE}.")
	String tolerance;

	@Option(names = "--tolerance-floor", paramLabel = "D", defaultValue = "1ms", description = "Latency changes "
			+ "smaller than this are never a regression. Default: ${DEFAULT-VALUE}.")
	String toleranceFloor;

	@Option(names = "--error-tolerance", paramLabel = "PCT", defaultValue = "0.5%", description = "How many "
			+ "percentage points the error ratio may rise. Default: ${DEFAULT-VALUE}.")
	String errorTolerance;

	public List<Gate> gates() {
		return this.failIf.stream().map(Gate::parse).toList();
	}

	/** The earlier report, or {@code null} without {@code --baseline}. */
	public Report baselineReport() {
		return (this.baseline != null) ? JsonReports.read(this.baseline) : null;
	}

	public double tolerance() {
		return Percentages.parseFraction(this.tolerance);
	}

	public BaselineComparison comparison() {
		double floorMs = Durations.parse(this.toleranceFloor).toNanos() / 1e6;
		return new BaselineComparison(tolerance(), floorMs, Percentages.parseFraction(this.errorTolerance) * 100);
	}

	public String baselineName() {
		return String.valueOf(this.baseline);
	}

}
