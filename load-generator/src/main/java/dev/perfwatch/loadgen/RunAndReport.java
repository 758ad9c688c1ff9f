package dev.perfwatch.loadgen;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.perfwatch.loadgen.cli.Durations;
import dev.perfwatch.loadgen.cli.OutputOptions;
import dev.perfwatch.loadgen.cli.WorkloadOptions;
import dev.perfwatch.loadgen.cli.WorkloadPlan;
import dev.perfwatch.loadgen.http.HttpTransport;
import dev.perfwatch.loadgen.report.HtmlReport;
import dev.perfwatch.loadgen.report.JsonReports;
import dev.perfwatch.loadgen.report.ProfileLinks;
import dev.perfwatch.loadgen.report.ProgressPrinter;
import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.report.ReportBuilder;
import dev.perfwatch.loadgen.report.TraceLinks;
import dev.perfwatch.loadgen.run.LoadRun;
import dev.perfwatch.loadgen.run.ProgressListener;
import dev.perfwatch.loadgen.run.RunResult;

/** Runs a planned workload, then builds the report and writes the files asked for. */
final class RunAndReport {

	private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

	private final WorkloadOptions workload;

	private final OutputOptions output;

	private final Path profilesDir;

	private final PrintStream progressStream;

	/** @param profilesDir where the services write profile windows, or {@code null} */
	RunAndReport(WorkloadOptions workload, OutputOptions output, Path profilesDir, PrintStream progressStream) {
		this.workload = workload;
		this.output = output;
		this.profilesDir = profilesDir;
		this.progressStream = progressStream;
	}

	Report run(HttpTransport transport, URI target, WorkloadPlan plan) throws InterruptedException {
		Path histogramLog = this.output.histogramLog();
		LoadRun.Settings settings = new LoadRun.Settings(this.workload.timeout(), this.workload.lateThreshold(),
				this.output.slowest, histogramLog, SAMPLE_INTERVAL);
		RunResult result = new LoadRun(transport, settings, progress()).execute(plan.workload());
		Report report = ReportBuilder.build(result, reportSettings(target, plan), plan.targetRate(), plan.stepRates(),
				new TraceLinks(this.output.traceUi),
				(this.profilesDir != null) ? ProfileLinks.read(this.profilesDir) : null,
				(histogramLog != null) ? histogramLog.getFileName().toString() : null);
		if (this.output.json != null) {
			JsonReports.write(report, this.output.json);
		}
		if (this.output.html != null) {
			HtmlReport.write(report, result.latency(), this.output.html);
		}
		return report;
	}

	private ProgressListener progress() {
		return switch (this.output.progress) {
			case OFF -> ProgressListener.NONE;
			case LIVE -> new ProgressPrinter(this.progressStream, true, this.output.progressEvery);
			case LINES -> new ProgressPrinter(this.progressStream, false, this.output.progressEvery);
			case AUTO -> new ProgressPrinter(this.progressStream, System.console() != null, this.output.progressEvery);
		};
	}

	private Report.Settings reportSettings(URI target, WorkloadPlan plan) {
		return new Report.Settings(plan.mode(), target.toString(), plan.requests(), plan.workload().maxInFlight(),
				plan.rates(), plan.stepSeconds(), plan.durationSeconds(), Durations.seconds(this.workload.warmup()),
				Durations.seconds(this.workload.timeout()), this.workload.lateThreshold().toNanos() / 1e6,
				this.workload.threads(), this.output.traceUi);
	}

}
