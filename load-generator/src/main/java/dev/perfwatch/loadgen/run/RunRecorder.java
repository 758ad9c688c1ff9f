package dev.perfwatch.loadgen.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.perfwatch.loadgen.http.RequestTimeoutException;
import dev.perfwatch.loadgen.http.TraceParent;

/**
 * Counts and times the requests of the measured part of a run. Many network threads write;
 * one sampler reads intervals. Latency is recorded in microseconds from each request's
 * intended start (coordinated-omission corrected); service time from the moment it was sent.
 * Requests that got a response or timed out are timed; those that failed outright (refused
 * connection) are only counted, since their short failure time would flatter the percentiles.
 */
public final class RunRecorder {

	static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private final long lateThresholdNanos;

	private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);

	private final Recorder serviceTime = new Recorder(HIGHEST_MICROS, 3);

	private final Recorder[] stepLatency;

	private final SlowestRequests slowest;

	private final LongAdder warmupSent = new LongAdder();

	private final LongAdder sent = new LongAdder();

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder lateStarts = new LongAdder();

	private final LongAdder droppedStarts = new LongAdder();

	private final LongAdder[] stepSent;

	private final LongAdder[] stepFailed;

	private final LongAdder[] stepLate;

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final AtomicLong lastCompletionNanos = new AtomicLong();

	private volatile long measureFromNanos = Long.MIN_VALUE;

	public RunRecorder(int steps, int slowestCount, long lateThresholdNanos) {
		this.lateThresholdNanos = lateThresholdNanos;
		this.slowest = new SlowestRequests(slowestCount);
		this.stepLatency = new Recorder[steps];
		this.stepSent = new LongAdder[steps];
		this.stepFailed = new LongAdder[steps];
		this.stepLate = new LongAdder[steps];
		for (int i = 0; i < steps; i++) {
			this.stepLatency[i] = new Recorder(HIGHEST_MICROS, 3);
			this.stepSent[i] = new LongAdder();
			this.stepFailed[i] = new LongAdder();
			this.stepLate[i] = new LongAdder();
		}
	}

	/** Requests intended to start before this moment are warmup and are not measured. */
	public void measureFrom(long nanos) {
		this.measureFromNanos = nanos;
	}

	public long measureFromNanos() {
		return this.measureFromNanos;
	}

	public void sent(long intendedNanos, long sentNanos, int step) {
		if (intendedNanos < this.measureFromNanos) {
			this.warmupSent.increment();
			return;
		}
		this.sent.increment();
		this.stepSent[step].increment();
		if (sentNanos - intendedNanos > this.lateThresholdNanos) {
			this.lateStarts.increment();
			this.stepLate[step].increment();
		}
	}

	public void responded(long intendedNanos, long sentNanos, long doneNanos, int status, TraceParent trace, int step) {
		if (intendedNanos < this.measureFromNanos) {
			return;
		}
		time(intendedNanos, sentNanos, doneNanos, step, trace, status);
		if (Outcome.isSuccess(status)) {
			this.succeeded.increment();
		}
		else {
			countError(Outcome.statusClass(status), step);
		}
	}

	public void failed(long intendedNanos, long sentNanos, long doneNanos, Throwable cause, TraceParent trace, int step) {
		if (intendedNanos < this.measureFromNanos) {
			return;
		}
		if (cause instanceof RequestTimeoutException) {
			time(intendedNanos, sentNanos, doneNanos, step, trace, 0);
		}
		else {
			this.lastCompletionNanos.accumulateAndGet(doneNanos, Math::max);
		}
		countError(Outcome.exceptionKind(cause), step);
	}

	public void dropped(long count) {
		this.droppedStarts.add(count);
	}

	private void time(long intendedNanos, long sentNanos, long doneNanos, int step, TraceParent trace, int status) {
		long latencyNanos = doneNanos - intendedNanos;
		long latencyMicros = Math.min(HIGHEST_MICROS, Math.max(1, latencyNanos / 1000));
		this.latency.recordValue(latencyMicros);
		this.serviceTime.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (doneNanos - sentNanos) / 1000)));
		this.stepLatency[step].recordValue(latencyMicros);
		this.slowest.offer(latencyNanos, sentNanos, doneNanos, trace, status);
		this.lastCompletionNanos.accumulateAndGet(doneNanos, Math::max);
	}

	private void countError(String kind, int step) {
		this.failed.increment();
		this.stepFailed[step].increment();
		this.errors.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
	}

	/** Latency recorded since the previous call; only one thread may call it. */
	public Histogram latencyInterval(Histogram recycle) {
		return this.latency.getIntervalHistogram(recycle);
	}

	/** Service time recorded since the previous call; only one thread may call it. */
	public Histogram serviceTimeInterval(Histogram recycle) {
		return this.serviceTime.getIntervalHistogram(recycle);
	}

	/** A step's latency recorded since the previous call; only one thread may call it. */
	public Histogram stepLatencyInterval(int step) {
		return this.stepLatency[step].getIntervalHistogram();
	}

	public int steps() {
		return this.stepLatency.length;
	}

	public Counts counts() {
		Map<String, Long> byKind = new TreeMap<>();
		this.errors.forEach((kind, count) -> byKind.put(kind, count.sum()));
		return new Counts(this.warmupSent.sum(), this.sent.sum(), this.succeeded.sum(), this.failed.sum(),
				this.lateStarts.sum(), this.droppedStarts.sum(), byKind, this.lastCompletionNanos.get());
	}

	public StepCounts stepCounts(int step) {
		return new StepCounts(this.stepSent[step].sum(), this.stepFailed[step].sum(), this.stepLate[step].sum());
	}

	public SlowestRequests slowest() {
		return this.slowest;
	}

	/** A consistent-enough snapshot of the counters (each is read once). */
	public record Counts(long warmupSent, long sent, long succeeded, long failed, long lateStarts, long droppedStarts,
			Map<String, Long> errorsByKind, long lastCompletionNanos) {

		public long completed() {
			return this.succeeded + this.failed;
		}

	}

	public record StepCounts(long sent, long failed, long lateStarts) {
	}

}
