package dev.perfwatch.observability.tracing;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

/**
 * Hands finished spans to a span exporter in batches, from one thread, every {@code interval}.
 * zipkin-reporter's queue signals its flushing thread on every span it takes: with about fifteen
 * spans a request, that thread woke up for each of them, and a request thread paid a futex wake
 * per span (bench/results/span-handoff.txt). Here a request thread only adds the span to a
 * bounded queue; when the queue is full, as when the exporter cannot keep up, the span is dropped,
 * as the exporter's own queue would drop it.
 */
final class BatchedSpanHandler extends SpanHandler implements Closeable {

	private final SpanHandler delegate;

	private final ArrayBlockingQueue<FinishedSpan> pending;

	private final ScheduledExecutorService handoff;

	BatchedSpanHandler(SpanHandler delegate, Duration interval, int capacity) {
		this.delegate = delegate;
		this.pending = new ArrayBlockingQueue<>(capacity);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "span-handoff");
			thread.setDaemon(true);
			return thread;
		});
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		executor.scheduleWithFixedDelay(this::handOver, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
		this.handoff = executor;
	}

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		this.pending.offer(new FinishedSpan(context, span, cause));
		return true;
	}

	@Override
	public boolean handlesAbandoned() {
		return this.delegate.handlesAbandoned();
	}

	private void handOver() {
		List<FinishedSpan> batch = new ArrayList<>(this.pending.size());
		this.pending.drainTo(batch);
		for (FinishedSpan finished : batch) {
			try {
				this.delegate.end(finished.context(), finished.span(), finished.cause());
			}
			catch (RuntimeException ex) {
				// One span the exporter cannot take is dropped, as the exporter drops it; thrown out
				// of here, it would end the schedule and every later span would be dropped too.
			}
		}
	}

	/**
	 * Hands over what is pending, then closes the exporter, which sends what it holds.
	 */
	@Override
	public void close() throws IOException {
		this.handoff.shutdown();
		try {
			this.handoff.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		handOver();
		if (this.delegate instanceof Closeable closeable) {
			closeable.close();
		}
	}

	@Override
	public String toString() {
		return "Batched(" + this.delegate + ")";
	}

	private record FinishedSpan(TraceContext context, MutableSpan span, Cause cause) {

	}

}
