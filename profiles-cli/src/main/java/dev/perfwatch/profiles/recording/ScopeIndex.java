package dev.perfwatch.profiles.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The span scopes of one window, by OS thread: which span was current on a thread at an instant.
 * Scopes on one thread nest (a child's scope opens and closes inside its parent's), so the
 * innermost scope holding an instant is the latest-starting one that still holds it.
 */
final class ScopeIndex {

	private final Map<Long, List<Scope>> byThread = new HashMap<>();

	/** Per thread, the latest end among the scopes up to each index: where walking back can stop. */
	private final Map<Long, long[]> latestEndSoFar = new HashMap<>();

	void add(long osThreadId, long startNanos, long endNanos, String traceId, String spanId) {
		this.byThread.computeIfAbsent(osThreadId, (tid) -> new ArrayList<>())
			.add(new Scope(startNanos, endNanos, traceId, spanId));
	}

	void seal() {
		this.byThread.forEach((tid, scopes) -> {
			scopes.sort(Comparator.comparingLong(Scope::startNanos));
			long[] latest = new long[scopes.size()];
			long end = Long.MIN_VALUE;
			for (int i = 0; i < latest.length; i++) {
				end = Math.max(end, scopes.get(i).endNanos());
				latest[i] = end;
			}
			this.latestEndSoFar.put(tid, latest);
		});
	}

	/**
	 * @return the innermost scope open on the thread at the instant, or {@code null}
	 */
	Scope at(long osThreadId, long nanos) {
		List<Scope> scopes = this.byThread.get(osThreadId);
		if (scopes == null) {
			return null;
		}
		int low = 0;
		int high = scopes.size() - 1;
		int last = -1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			if (scopes.get(middle).startNanos() <= nanos) {
				last = middle;
				low = middle + 1;
			}
			else {
				high = middle - 1;
			}
		}
		// Walk back through earlier scopes: siblings that already closed, then the enclosing ones.
		long[] latest = this.latestEndSoFar.get(osThreadId);
		for (int i = last; i >= 0 && latest[i] >= nanos; i--) {
			Scope scope = scopes.get(i);
			if (scope.endNanos() >= nanos) {
				return scope;
			}
		}
		return null;
	}

	record Scope(long startNanos, long endNanos, String traceId, String spanId) {

	}

}
