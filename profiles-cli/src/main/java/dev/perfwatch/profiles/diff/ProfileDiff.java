package dev.perfwatch.profiles.diff;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.perfwatch.profiles.ProfilesException;

/**
 * Two cohorts of samples side by side: which frames take a larger or smaller share of the head
 * cohort than of the base. Shares, not absolute weights, so cohorts of different sizes compare.
 */
public final class ProfileDiff {

	/** The share of a frame's growth a callee must carry to be where the growth starts. */
	private static final double CARRIED = 0.9;

	private final String baseName;

	private final String headName;

	private final StackTree tree = new StackTree("all");

	private final Map<String, long[]> totals = new HashMap<>();

	public ProfileDiff(String baseName, String headName) {
		this.baseName = baseName;
		this.headName = headName;
	}

	/**
	 * @param stack the sample's frames under any labels (such as the service), outermost first
	 */
	public void addBase(List<String> stack, long weight) {
		add(stack, weight, false);
	}

	public void addHead(List<String> stack, long weight) {
		add(stack, weight, true);
	}

	private void add(List<String> stack, long weight, boolean isHead) {
		this.tree.add(stack, weight, isHead);
		Set<String> seen = new HashSet<>();
		for (String frame : stack) {
			if (seen.add(frame)) {
				this.totals.computeIfAbsent(frame, (key) -> new long[2])[isHead ? 1 : 0] += weight;
			}
		}
	}

	/**
	 * @return frames by how much their total share changed, the largest growth first and the
	 * largest shrinkage last
	 * @throws ProfilesException when either cohort is empty
	 */
	public List<Change> changes(Predicate<String> shown) {
		if (this.tree.base == 0 || this.tree.head == 0) {
			throw ProfilesException.notFound("nothing to compare: the " + (this.tree.base == 0 ? this.baseName : this.headName)
					+ " cohort holds no samples");
		}
		List<Change> changes = new ArrayList<>();
		this.totals.forEach((frame, weights) -> {
			if (shown.test(frame)) {
				changes.add(new Change(frame, 100.0 * weights[0] / this.tree.base, 100.0 * weights[1] / this.tree.head));
			}
		});
		changes.sort(Comparator.comparingDouble((Change change) -> -change.delta()).thenComparing(Change::frame));
		return changes;
	}

	/**
	 * Where the growth starts: from the frame that grew most, down to the callee that carries at
	 * least {@value #CARRIED} of its growth, and so on, as far as that goes. The frames above it
	 * grew because it did: a caller of new work grows as much as the work, and the work is what
	 * changed. Callees are frames anywhere below a frame in some stack.
	 * @return the frame, or empty when no frame grew
	 */
	public Optional<Change> growthOrigin(Predicate<String> shown) {
		return growthOrigin(changes(shown), shown);
	}

	private Optional<Change> growthOrigin(List<Change> changes, Predicate<String> shown) {
		Map<String, Change> byFrame = new HashMap<>();
		changes.forEach((change) -> byFrame.put(change.frame(), change));
		Optional<Change> origin = byFrame.values().stream().filter((change) -> change.delta() > 0)
			.max(Comparator.comparingDouble(Change::delta));
		if (origin.isEmpty()) {
			return origin;
		}
		Map<String, Set<String>> below = new HashMap<>();
		collectBelow(this.tree, new ArrayDeque<>(), shown, below);
		Change current = origin.get();
		while (true) {
			double needed = CARRIED * current.delta();
			Optional<Change> carrier = below.getOrDefault(current.frame(), Set.of())
				.stream()
				.map(byFrame::get)
				.filter((callee) -> callee != null && callee.delta() >= needed)
				.max(Comparator.comparingDouble(Change::delta));
			if (carrier.isEmpty()) {
				return Optional.of(current);
			}
			current = carrier.get();
		}
	}

	private static void collectBelow(StackTree node, Deque<String> shownAbove, Predicate<String> shown,
			Map<String, Set<String>> below) {
		for (StackTree child : node.children.values()) {
			boolean isShown = shown.test(child.name);
			if (isShown) {
				for (String caller : shownAbove) {
					if (!caller.equals(child.name)) {
						below.computeIfAbsent(caller, (key) -> new HashSet<>()).add(child.name);
					}
				}
				shownAbove.push(child.name);
			}
			collectBelow(child, shownAbove, shown, below);
			if (isShown) {
				shownAbove.pop();
			}
		}
	}

	public void print(PrintWriter out, Predicate<String> shown, int top) {
		List<Change> changes = changes(shown);
		out.printf(Locale.ROOT, "%s: %,d, %s: %,d (shares of each cohort's own total, in percentage points)%n",
				this.baseName, this.tree.base, this.headName, this.tree.head);
		growthOrigin(changes, shown).ifPresent((origin) -> out.printf(Locale.ROOT,
				"  the growth starts in: %s (%+.2f points; the frames above it grew with it)%n", origin.frame(),
				origin.delta()));
		printRows(out, "grew most", changes.stream().filter((change) -> change.delta() > 0).limit(top).toList());
		List<Change> shrank = new ArrayList<>(changes.stream().filter((change) -> change.delta() < 0).toList());
		Collections.reverse(shrank);
		printRows(out, "shrank most", shrank.stream().limit(top).toList());
	}

	private void printRows(PrintWriter out, String heading, List<Change> rows) {
		out.println("  " + heading + ":");
		out.println("     change   " + pad(this.baseName) + "   " + pad(this.headName) + "   frame");
		rows.forEach((change) -> out.printf(Locale.ROOT, "    %+7.2f   %s   %s   %s%n", change.delta(),
				pad(String.format(Locale.ROOT, "%.2f%%", change.basePercent())),
				pad(String.format(Locale.ROOT, "%.2f%%", change.headPercent())), change.frame()));
	}

	public void writeHtml(Path file, String title) throws IOException {
		new DiffFlameGraph(this.tree, this.baseName, this.headName).write(file, title);
	}

	private static String pad(String text) {
		return " ".repeat(Math.max(0, 9 - text.length())) + text;
	}

	/**
	 * @param frame the frame
	 * @param basePercent its total share of the base cohort
	 * @param headPercent its total share of the head cohort
	 */
	public record Change(String frame, double basePercent, double headPercent) {

		/** In percentage points; positive when the frame grew. */
		public double delta() {
			return this.headPercent - this.basePercent;
		}

	}

}
