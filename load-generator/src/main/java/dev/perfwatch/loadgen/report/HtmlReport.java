package dev.perfwatch.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * A one-file HTML page of a run: summary, the latency percentile distribution (x axis spread as
 * HdrHistogram plots do, so the tail gets room) and latency over time. Charts are inline SVG.
 */
public final class HtmlReport {

	private static final double[] PERCENTILE_TICKS = { 0, 90, 99, 99.9, 99.99, 99.999 };

	private HtmlReport() {
	}

	public static void write(Report report, Histogram latency, Path file) {
		try {
			Files.writeString(file, render(report, latency));
		}
		catch (IOException ex) {
			throw new BadInputException("cannot write " + file + ": " + ex.getMessage());
		}
	}

	static String render(Report report, Histogram latency) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>load-generator report</title>\n")
			.append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}")
			.append("td:first-child,th:first-child{text-align:left}</style></head><body>\n");
		html.append("<h1>load-generator report</h1>\n<p>")
			.append(escape(report.settings().mode()))
			.append(" run against <code>")
			.append(escape(report.settings().url()))
			.append("</code>, started ")
			.append(escape(report.startedAt()))
			.append("</p>\n");
		html.append("<table><tr><th>sent</th><th>succeeded</th><th>failed</th><th>late starts</th><th>dropped</th>")
			.append("<th>target req/s</th><th>achieved req/s</th></tr><tr><td>")
			.append(report.requests().sent())
			.append("</td><td>")
			.append(report.requests().succeeded())
			.append("</td><td>")
			.append(report.requests().failed())
			.append("</td><td>")
			.append(report.requests().lateStarts())
			.append("</td><td>")
			.append(report.requests().droppedStarts())
			.append("</td><td>")
			.append((report.rate().target() != null) ? TextReport.fmt(report.rate().target()) : "closed loop")
			.append("</td><td>")
			.append(TextReport.fmt(report.rate().achieved()))
			.append("</td></tr></table>\n");
		Report.Latency l = report.latencyMs();
		html.append("<h2>Latency (ms, from intended start)</h2>\n<table><tr><th>min</th><th>mean</th><th>p50</th><th>p90</th>")
			.append("<th>p95</th><th>p99</th><th>p99.9</th><th>max</th></tr><tr>");
		for (double value : new double[] { l.min(), l.mean(), l.p50(), l.p90(), l.p95(), l.p99(), l.p999(), l.max() }) {
			html.append("<td>").append(TextReport.fmt(value)).append("</td>");
		}
		html.append("</tr></table>\n<h2>Percentile distribution</h2>\n").append(percentileChart(latency));
		html.append("\n<h2>Latency over time</h2>\n").append(timelineChart(report.timeline()));
		if (!report.slowest().isEmpty()) {
			boolean profiles = report.slowest().get(0).profile() != null;
			html.append("\n<h2>Slowest requests</h2>\n<table><tr><th>trace</th><th>latency ms</th><th>status</th>")
				.append(profiles ? "<th>profile</th>" : "")
				.append("</tr>\n");
			for (Report.SlowRequest slow : report.slowest()) {
				html.append("<tr><td><a href=\"")
					.append(escape(slow.traceUrl()))
					.append("\">")
					.append(slow.traceId())
					.append("</a></td><td>")
					.append(TextReport.fmt(slow.latencyMs()))
					.append("</td><td>")
					.append((slow.status() == 0) ? "timeout" : String.valueOf(slow.status()))
					.append("</td>");
				if (profiles) {
					html.append("<td style=\"text-align:left\">")
						.append(slow.profile().profiled() ? "<code>" + escape(slow.profile().command()) + "</code>"
								: escape(TextReport.profileColumn(slow.profile())))
						.append("</td>");
				}
				html.append("</tr>\n");
			}
			html.append("</table>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private static String percentileChart(Histogram latency) {
		SvgChart chart = new SvgChart("percentile", "latency ms");
		List<double[]> points = new ArrayList<>();
		for (HistogramIterationValue value : latency.percentiles(5)) {
			double percentile = value.getPercentileLevelIteratedTo();
			if (percentile >= 100) {
				break;
			}
			points.add(new double[] { spread(percentile), value.getValueIteratedTo() / 1000.0 });
		}
		if (latency.getTotalCount() > 0) {
			points.add(new double[] { spread(Math.min(99.999, 100 - 100.0 / latency.getTotalCount())),
					latency.getMaxValue() / 1000.0 });
		}
		for (double tick : PERCENTILE_TICKS) {
			chart.xTick(spread(tick), TextReport.fmt(tick) + "%");
		}
		return chart.line("latency", points.toArray(double[][]::new)).render();
	}

	private static String timelineChart(List<Report.Interval> timeline) {
		SvgChart chart = new SvgChart("seconds since start", "latency ms");
		chart.line("p50", points(timeline, 0)).line("p90", points(timeline, 1)).line("p99", points(timeline, 2))
			.line("max", points(timeline, 3));
		if (!timeline.isEmpty()) {
			double end = timeline.get(timeline.size() - 1).endSeconds();
			for (int i = 0; i <= 5; i++) {
				double x = timeline.get(0).endSeconds() + (end - timeline.get(0).endSeconds()) * i / 5;
				chart.xTick(x, String.format(Locale.ROOT, "%.0f", x));
			}
		}
		return chart.render();
	}

	private static double[][] points(List<Report.Interval> timeline, int which) {
		double[][] points = new double[timeline.size()][];
		for (int i = 0; i < points.length; i++) {
			Report.Interval interval = timeline.get(i);
			double value = switch (which) {
				case 0 -> interval.p50();
				case 1 -> interval.p90();
				case 2 -> interval.p99();
				default -> interval.max();
			};
			points[i] = new double[] { interval.endSeconds(), value };
		}
		return points;
	}

	/** log10(1 / (1 - p)): 90% at 1, 99% at 2, 99.9% at 3. */
	private static double spread(double percentile) {
		return Math.log10(100.0 / (100.0 - percentile));
	}

	private static String escape(String text) {
		return (text == null) ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
