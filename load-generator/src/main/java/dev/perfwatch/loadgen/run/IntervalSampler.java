package dev.perfwatch.loadgen.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The one reader of a {@link RunRecorder}: each interval it moves the recorded latency into the
 * run's totals, keeps a small summary for the latency-over-time chart, writes the interval to an
 * HdrHistogram log when asked to, and tells the progress listener. Memory stays flat: intervals
 * are summarised, never kept whole.
 */
final class IntervalSampler {

	private static final double MICROS_PER_MILLI = 1000.0;

	private final RunRecorder recorder;

	private final ProgressListener progress;

	private final long runStartNanos;

	private final Histogram latencyTotal = new Histogram(RunRecorder.HIGHEST_MICROS, 3);

	private final Histogram serviceTimeTotal = new Histogram(RunRecorder.HIGHEST_MICROS, 3);

	private final List<IntervalStats> intervals = new ArrayList<>();

	private final HistogramLogWriter log;

	private final PrintStream logStream;

	private Histogram latencyInterval;

	private Histogram serviceInterval;

	IntervalSampler(RunRecorder recorder, ProgressListener progress, Path histogramLog, long runStartNanos) {
		this.recorder = recorder;
		this.progress = progress;
		this.runStartNanos = runStartNanos;
		if (histogramLog != null) {
			try {
				this.logStream = new PrintStream(Files.newOutputStream(histogramLog), false, "UTF-8");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write " + histogramLog + ": " + ex.getMessage(), ex);
			}
			this.log = new HistogramLogWriter(this.logStream);
			long now = System.currentTimeMillis();
			this.log.outputComment("perfwatch load-generator latency from intended start, values in microseconds");
			this.log.outputLogFormatVersion();
			this.log.outputStartTime(now);
			this.log.setBaseTime(now);
			this.log.outputLegend();
		}
		else {
			this.log = null;
			this.logStream = null;
		}
		// Drop whatever was recorded before the sampler existed so intervals line up with ticks.
		this.recorder.latencyInterval(null);
		this.recorder.serviceTimeInterval(null);
	}

	void sample() {
		this.latencyInterval = this.recorder.latencyInterval(this.latencyInterval);
		this.serviceInterval = this.recorder.serviceTimeInterval(this.serviceInterval);
		this.latencyTotal.add(this.latencyInterval);
		this.serviceTimeTotal.add(this.serviceInterval);
		double elapsed = (System.nanoTime() - this.runStartNanos) / 1e9;
		IntervalStats stats = summarize(elapsed, this.latencyInterval);
		if (stats.count() > 0) {
			this.intervals.add(stats);
			if (this.log != null) {
				this.log.outputIntervalHistogram(this.latencyInterval);
			}
		}
		this.progress.onInterval(elapsed, stats, this.recorder.counts());
	}

	private static IntervalStats summarize(double elapsed, Histogram interval) {
		long count = interval.getTotalCount();
		if (count == 0) {
			return new IntervalStats(elapsed, 0, 0, 0, 0, 0);
		}
		return new IntervalStats(elapsed, count, millis(interval.getValueAtPercentile(50)),
				millis(interval.getValueAtPercentile(90)), millis(interval.getValueAtPercentile(99)),
				millis(interval.getMaxValue()));
	}

	private static double millis(long micros) {
		return micros / MICROS_PER_MILLI;
	}

	void close() {
		this.progress.finished();
		if (this.logStream != null) {
			this.logStream.close();
		}
	}

	Histogram latencyTotal() {
		return this.latencyTotal;
	}

	Histogram serviceTimeTotal() {
		return this.serviceTimeTotal;
	}

	List<IntervalStats> intervals() {
		return List.copyOf(this.intervals);
	}

}
