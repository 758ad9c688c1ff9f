package dev.perfwatch.profiles.frames;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Self and total weight per frame over many stacks. Self is what a frame spends itself (it is the
 * top of the stack); total includes what it calls, counted once per stack however deep the
 * recursion.
 */
public final class FrameTable {

	private final Map<String, Long> self = new HashMap<>();

	private final Map<String, Long> total = new HashMap<>();

	private long weight;

	/**
	 * @param frames the stack, outermost frame first
	 */
	public void add(List<String> frames, long value) {
		if (frames.isEmpty()) {
			return;
		}
		this.weight += value;
		this.self.merge(frames.get(frames.size() - 1), value, Long::sum);
		Set<String> seen = new HashSet<>();
		for (String frame : frames) {
			if (seen.add(frame)) {
				this.total.merge(frame, value, Long::sum);
			}
		}
	}

	public long weight() {
		return this.weight;
	}

	public List<Row> topBySelf(int count, Predicate<String> shown) {
		return top(this.self, count, shown);
	}

	public List<Row> topByTotal(int count, Predicate<String> shown) {
		return top(this.total, count, shown);
	}

	private List<Row> top(Map<String, Long> by, int count, Predicate<String> shown) {
		return by.entrySet()
			.stream()
			.filter((entry) -> shown.test(entry.getKey()))
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(count)
			.map((entry) -> new Row(entry.getKey(), percent(this.self.getOrDefault(entry.getKey(), 0L)),
					percent(this.total.get(entry.getKey()))))
			.toList();
	}

	private double percent(long value) {
		return (this.weight > 0) ? 100.0 * value / this.weight : 0;
	}

	public record Row(String frame, double selfPercent, double totalPercent) {

	}

}
