package dev.perfwatch.loadgen.report;

import java.io.PrintStream;
import java.util.Locale;

import dev.perfwatch.loadgen.run.IntervalStats;
import dev.perfwatch.loadgen.run.ProgressListener;
import dev.perfwatch.loadgen.run.RunRecorder;

/**
 * Shows a run while it goes: on a terminal one line rewritten every second, otherwise (CI logs,
 * pipes) a plain line every {@code plainEverySeconds}, so logs stay readable.
 */
public final class ProgressPrinter implements ProgressListener {

	private final PrintStream out;

	private final boolean live;

	private final double plainEverySeconds;

	private double lastPlainLine;

	public ProgressPrinter(PrintStream out, boolean live, double plainEverySeconds) {
		this.out = out;
		this.live = live;
		this.plainEverySeconds = plainEverySeconds;
	}

	@Override
	public void onInterval(double elapsedSeconds, IntervalStats interval, RunRecorder.Counts counts) {
		long sent = counts.sent() + counts.warmupSent();
		String line = String.format(Locale.ROOT, "[%5.0fs] sent %d  rate %s req/s  errors %d  p99 %s ms%s", elapsedSeconds,
				sent, TextReport.fmt(interval.count()), counts.failed(), TextReport.fmt(interval.p99()),
				(counts.sent() == 0 && counts.warmupSent() > 0) ? "  (warmup)" : "");
		if (this.live) {
			this.out.print("\r" + line + "\u001b[K");
			this.out.flush();
		}
		else if (elapsedSeconds - this.lastPlainLine >= this.plainEverySeconds) {
			this.lastPlainLine = elapsedSeconds;
			this.out.println(line);
		}
	}

	@Override
	public void finished() {
		if (this.live) {
			this.out.println();
		}
	}

}
