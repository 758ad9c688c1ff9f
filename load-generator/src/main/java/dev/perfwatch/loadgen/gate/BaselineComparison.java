package dev.perfwatch.loadgen.gate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.report.TextReport;

/**
 * Compares a run with an earlier one. A latency figure regresses when it grew by more than the
 * tolerance AND by more than the absolute floor (sub-millisecond jitter is not a regression);
 * the error ratio regresses when it rose by more than {@code errorPoints} percentage points;
 * the achieved rate of a closed-loop run regresses when it fell by more than the tolerance.
 * (In an open model the achieved rate is the target's, so it is shown but not judged.)
 */
public record BaselineComparison(double tolerance, double floorMs, double errorPoints) {

	public Result compare(Report baseline, Report current) {
		List<Row> rows = new ArrayList<>();
		Report.Latency before = baseline.latencyMs();
		Report.Latency now = current.latencyMs();
		rows.add(latency("mean ms", before.mean(), now.mean()));
		rows.add(latency("p50 ms", before.p50(), now.p50()));
		rows.add(latency("p90 ms", before.p90(), now.p90()));
		rows.add(latency("p95 ms", before.p95(), now.p95()));
		rows.add(latency("p99 ms", before.p99(), now.p99()));
		double errorsBefore = baseline.errors().ratio() * 100;
		double errorsNow = current.errors().ratio() * 100;
		rows.add(new Row("errors %", errorsBefore, errorsNow, verdict(errorsNow - errorsBefore > this.errorPoints,
				errorsNow < errorsBefore)));
		double rateBefore = baseline.rate().achieved();
		double rateNow = current.rate().achieved();
		boolean closedLoop = current.rate().target() == null && baseline.rate().target() == null;
		String rateVerdict = closedLoop ? verdict(rateNow < rateBefore * (1 - this.tolerance), rateNow > rateBefore)
				: "info";
		rows.add(new Row("achieved req/s", rateBefore, rateNow, rateVerdict));
		return new Result(rows, notes(baseline.settings(), current.settings()));
	}

	private Row latency(String name, double before, double now) {
		boolean worse = now > before * (1 + this.tolerance) && now - before > this.floorMs;
		boolean better = now < before * (1 - this.tolerance) && before - now > this.floorMs;
		return new Row(name, before, now, verdict(worse, better));
	}

	private static String verdict(boolean worse, boolean better) {
		return worse ? "REGRESSION" : (better ? "better" : "ok");
	}

	private static List<String> notes(Report.Settings before, Report.Settings now) {
		List<String> notes = new ArrayList<>();
		if (!Objects.equals(before.mode(), now.mode())) {
			notes.add("the baseline ran in " + before.mode() + " mode, this run in " + now.mode());
		}
		if (!Objects.equals(before.url(), now.url())) {
			notes.add("the baseline loaded " + before.url());
		}
		if (!Objects.equals(before.rates(), now.rates()) || !Objects.equals(before.concurrency(), now.concurrency())) {
			notes.add("the baseline used different rates or concurrency: figures may not be comparable");
		}
		return notes;
	}

	/** One compared figure. */
	public record Row(String metric, double baseline, double current, String verdict) {

		double changePercent() {
			return (this.baseline == 0) ? 0 : 100 * (this.current - this.baseline) / this.baseline;
		}

	}

	/** The comparison table and any notes on settings that differ. */
	public record Result(List<Row> rows, List<String> notes) {

		public boolean regressed() {
			return this.rows.stream().anyMatch((row) -> row.verdict().equals("REGRESSION"));
		}

		public List<String> regressions() {
			return this.rows.stream()
				.filter((row) -> row.verdict().equals("REGRESSION"))
				.map((row) -> String.format(Locale.ROOT, "%s %s -> %s", row.metric(), TextReport.fmt(row.baseline()),
						TextReport.fmt(row.current())))
				.toList();
		}

		public void print(PrintStream out, double tolerance) {
			out.printf(Locale.ROOT, "%nbaseline comparison (tolerance %s%%)%n", TextReport.fmt(tolerance * 100));
			out.printf(Locale.ROOT, "  %-16s %12s %12s %9s  %s%n", "metric", "baseline", "current", "change", "verdict");
			for (Row row : this.rows) {
				out.printf(Locale.ROOT, "  %-16s %12s %12s %8s%%  %s%n", row.metric(), TextReport.fmt(row.baseline()),
						TextReport.fmt(row.current()), String.format(Locale.ROOT, "%+.1f", row.changePercent()),
						row.verdict());
			}
			for (String note : this.notes) {
				out.println("  note: " + note);
			}
		}

	}

}
