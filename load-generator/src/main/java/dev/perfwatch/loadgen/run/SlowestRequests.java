package dev.perfwatch.loadgen.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import dev.perfwatch.loadgen.http.TraceParent;

/**
 * Keeps the N slowest requests seen. Most requests are faster than the current N-th slowest
 * and are turned away by one volatile read, without taking the lock.
 */
public final class SlowestRequests {

	private final int capacity;

	private final PriorityQueue<SlowRequest> heap = new PriorityQueue<>(Comparator.comparingLong(SlowRequest::latencyNanos));

	private volatile long admissionNanos = Long.MIN_VALUE;

	public SlowestRequests(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * @param sentNanos when the request was sent, {@code System.nanoTime()}
	 * @param doneNanos when it ended, same clock
	 */
	public void offer(long latencyNanos, long sentNanos, long doneNanos, TraceParent trace, int status) {
		if (this.capacity == 0 || latencyNanos <= this.admissionNanos) {
			return;
		}
		synchronized (this.heap) {
			this.heap.add(new SlowRequest(latencyNanos, sentNanos, doneNanos, trace, status));
			if (this.heap.size() > this.capacity) {
				this.heap.poll();
			}
			if (this.heap.size() == this.capacity) {
				this.admissionNanos = this.heap.peek().latencyNanos();
			}
		}
	}

	/** The slowest requests, slowest first. */
	public List<SlowRequest> slowestFirst() {
		List<SlowRequest> result;
		synchronized (this.heap) {
			result = new ArrayList<>(this.heap);
		}
		result.sort(Comparator.comparingLong(SlowRequest::latencyNanos).reversed());
		return result;
	}

	/**
	 * One slow request; status 0 when it ended without a response. Latency counts from the
	 * intended start; {@code sentNanos} to {@code doneNanos} is when the target had it.
	 */
	public record SlowRequest(long latencyNanos, long sentNanos, long doneNanos, TraceParent trace, int status) {

		public String traceId() {
			return this.trace.traceId();
		}

	}

}
