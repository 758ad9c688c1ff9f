package dev.perfwatch.loadgen.run;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.perfwatch.loadgen.http.HttpTransport;
import dev.perfwatch.loadgen.http.ResponseListener;
import dev.perfwatch.loadgen.http.TraceParent;

/**
 * Starts submitted requests while fewer than {@code maxInFlight} are in flight, and queues the
 * rest in submission order, like a fixed pool of workers. A queued request keeps its intended
 * start time, so the time it waited counts in its latency and it may be counted as a late start.
 */
final class Dispatcher {

	private final HttpTransport transport;

	private final RunRecorder recorder;

	private final int maxInFlight;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private volatile Runnable onCompletion = () -> {
	};

	Dispatcher(HttpTransport transport, RunRecorder recorder, int maxInFlight) {
		this.transport = transport;
		this.recorder = recorder;
		this.maxInFlight = maxInFlight;
	}

	/** Runs after each request ended and its result was recorded, on a network thread. */
	void onCompletion(Runnable action) {
		this.onCompletion = action;
	}

	void submit(long intendedNanos, int step) {
		this.queue.add(new Pending(intendedNanos, step));
		drain();
	}

	private void drain() {
		while (!this.queue.isEmpty()) {
			if (this.inFlight.incrementAndGet() > this.maxInFlight) {
				this.inFlight.decrementAndGet();
				return;
			}
			Pending next = this.queue.poll();
			if (next == null) {
				this.inFlight.decrementAndGet();
				return;
			}
			start(next);
		}
	}

	private void start(Pending pending) {
		TraceParent trace = TraceParent.random();
		long sentNanos = System.nanoTime();
		this.recorder.sent(pending.intendedNanos(), sentNanos, pending.step());
		this.transport.send(trace, new Exchange(pending, sentNanos, trace));
	}

	/** Forgets the requests still waiting to start and returns how many there were. */
	long discardQueued() {
		long discarded = 0;
		while (this.queue.poll() != null) {
			discarded++;
		}
		return discarded;
	}

	int inFlight() {
		return this.inFlight.get();
	}

	/** Waits until nothing is in flight or queued, or the deadline passes. */
	boolean awaitIdle(long deadlineNanos) {
		while (this.inFlight.get() > 0 || !this.queue.isEmpty()) {
			if (System.nanoTime() >= deadlineNanos) {
				return false;
			}
			LockSupport.parkNanos(1_000_000);
		}
		return true;
	}

	private void finished() {
		this.inFlight.decrementAndGet();
		this.onCompletion.run();
		drain();
	}

	private record Pending(long intendedNanos, int step) {
	}

	private final class Exchange implements ResponseListener {

		private final Pending pending;

		private final long sentNanos;

		private final TraceParent trace;

		Exchange(Pending pending, long sentNanos, TraceParent trace) {
			this.pending = pending;
			this.sentNanos = sentNanos;
			this.trace = trace;
		}

		@Override
		public void onResponse(int status) {
			Dispatcher.this.recorder.responded(this.pending.intendedNanos(), this.sentNanos, System.nanoTime(), status,
					this.trace, this.pending.step());
			finished();
		}

		@Override
		public void onFailure(Throwable cause) {
			Dispatcher.this.recorder.failed(this.pending.intendedNanos(), this.sentNanos, System.nanoTime(), cause,
					this.trace, this.pending.step());
			finished();
		}

	}

}
