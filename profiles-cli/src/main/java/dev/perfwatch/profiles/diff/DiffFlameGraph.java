package dev.perfwatch.profiles.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A differential flame graph as one self-contained HTML page (an SVG, no script): each frame is as
 * wide as its average share of the two cohorts, so both what grew and what shrank stay visible,
 * and coloured by the change, red where the head cohort spends a larger share, blue a smaller one.
 */
final class DiffFlameGraph {

	private static final int WIDTH = 1200;

	private static final int ROW = 17;

	private static final double MIN_WIDTH = 0.4;

	private final StackTree root;

	private final String baseName;

	private final String headName;

	private final StringBuilder svg = new StringBuilder();

	private int depth;

	DiffFlameGraph(StackTree root, String baseName, String headName) {
		this.root = root;
		this.baseName = baseName;
		this.headName = headName;
	}

	void write(Path file, String title) throws IOException {
		draw(this.root, 0, WIDTH, 0);
		int height = (this.depth + 1) * ROW + 40;
		String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
				+ "<style>body{font:12px sans-serif;margin:16px} text{font:11px monospace;pointer-events:none}"
				+ " rect{stroke:#fff;stroke-width:0.5}</style></head><body>\n<h2>" + escape(title) + "</h2>\n<p>Width: "
				+ "average share of " + escape(this.baseName) + " and " + escape(this.headName) + ". <span style=\"color:#c00\">"
				+ "Red</span>: a larger share in " + escape(this.headName) + "; <span style=\"color:#00c\">blue</span>: "
				+ "a smaller one. Hover a frame for both shares.</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
				+ WIDTH + "\" height=\"" + height + "\">\n" + this.svg + "</svg>\n</body></html>\n";
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Files.writeString(file, page, StandardCharsets.UTF_8);
	}

	private void draw(StackTree node, double x, double width, int level) {
		this.depth = Math.max(this.depth, level);
		double basePercent = share(node.base, this.root.base);
		double headPercent = share(node.head, this.root.head);
		double delta = headPercent - basePercent;
		int y = level * ROW;
		this.svg.append(String.format(Locale.ROOT,
				"<g><title>%s&#10;%s %.2f%%, %s %.2f%%, change %+.2f points</title>"
						+ "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
				escape(node.name), escape(this.baseName), basePercent, escape(this.headName), headPercent, delta, x, y,
				width, ROW - 1, colour(delta)));
		int chars = (int) (width / 7);
		if (chars >= 3) {
			String text = (node.name.length() > chars) ? node.name.substring(0, chars - 2) + ".." : node.name;
			this.svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3, y + ROW - 5,
					escape(text)));
		}
		this.svg.append("</g>\n");
		double average = average(node);
		double childX = x;
		for (StackTree child : node.children.values()) {
			double childWidth = (average > 0) ? width * average(child) / average : 0;
			if (childWidth >= MIN_WIDTH) {
				draw(child, childX, childWidth, level + 1);
			}
			childX += childWidth;
		}
	}

	private double average(StackTree node) {
		return (share(node.base, this.root.base) + share(node.head, this.root.head)) / 2;
	}

	private static double share(long weight, long total) {
		return (total > 0) ? 100.0 * weight / total : 0;
	}

	/**
	 * White for no change, saturating at a change of 5 percentage points.
	 */
	private static String colour(double delta) {
		double strength = Math.min(1.0, Math.abs(delta) / 5.0);
		int fade = (int) Math.round(235 - 175 * strength);
		return (delta >= 0) ? String.format(Locale.ROOT, "rgb(245,%d,%d)", fade, fade)
				: String.format(Locale.ROOT, "rgb(%d,%d,245)", fade, fade);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
