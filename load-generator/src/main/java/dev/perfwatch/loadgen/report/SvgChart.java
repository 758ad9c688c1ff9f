package dev.perfwatch.loadgen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small line chart drawn as inline SVG, so a report page needs no script and no network. */
final class SvgChart {

	private static final int WIDTH = 760;

	private static final int HEIGHT = 300;

	private static final int LEFT = 60;

	private static final int RIGHT = 20;

	private static final int TOP = 20;

	private static final int BOTTOM = 40;

	private static final String[] COLOURS = { "#1f77b4", "#2ca02c", "#d62728", "#7f7f7f" };

	private final List<String> names = new ArrayList<>();

	private final List<double[][]> series = new ArrayList<>();

	private final List<double[]> xTicks = new ArrayList<>();

	private final List<String> xTickLabels = new ArrayList<>();

	private final String xLabel;

	private final String yLabel;

	SvgChart(String xLabel, String yLabel) {
		this.xLabel = xLabel;
		this.yLabel = yLabel;
	}

	/** Adds a line; {@code points[i] = {x, y}}. */
	SvgChart line(String name, double[][] points) {
		this.names.add(name);
		this.series.add(points);
		return this;
	}

	SvgChart xTick(double x, String label) {
		this.xTicks.add(new double[] { x });
		this.xTickLabels.add(label);
		return this;
	}

	String render() {
		double minX = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = 0;
		for (double[][] points : this.series) {
			for (double[] point : points) {
				minX = Math.min(minX, point[0]);
				maxX = Math.max(maxX, point[0]);
				maxY = Math.max(maxY, point[1]);
			}
		}
		if (minX == Double.MAX_VALUE) {
			return "<p>No latency was recorded.</p>";
		}
		if (maxX <= minX) {
			maxX = minX + 1;
		}
		maxY = (maxY <= 0) ? 1 : maxY * 1.05;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
				WIDTH, HEIGHT));
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
				LEFT, TOP, plotWidth, plotHeight));
		for (int i = 0; i <= 4; i++) {
			double value = maxY * i / 4;
			double y = TOP + plotHeight - plotHeight * i / 4.0;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
					LEFT, LEFT + plotWidth, y, y, LEFT - 4, y + 4, TextReport.fmt(ReportBuilder.round(value))));
		}
		for (int i = 0; i < this.xTicks.size(); i++) {
			double x = LEFT + plotWidth * (this.xTicks.get(i)[0] - minX) / (maxX - minX);
			if (x < LEFT - 0.5 || x > LEFT + plotWidth + 0.5) {
				continue;
			}
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x, x, TOP, TOP + plotHeight, x, TOP + plotHeight + 14, this.xTickLabels.get(i)));
		}
		for (int s = 0; s < this.series.size(); s++) {
			StringBuilder path = new StringBuilder();
			for (double[] point : this.series.get(s)) {
				double x = LEFT + plotWidth * (point[0] - minX) / (maxX - minX);
				double y = TOP + plotHeight - plotHeight * point[1] / maxY;
				path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			}
			String colour = COLOURS[s % COLOURS.length];
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", colour, path.toString().trim()));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", LEFT + 10 + 90 * s, TOP + 14, colour, this.names.get(s)));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
				LEFT + plotWidth / 2, HEIGHT - 6, this.xLabel));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>%n",
				TOP + plotHeight / 2, TOP + plotHeight / 2, this.yLabel));
		return svg.append("</svg>").toString();
	}

}
