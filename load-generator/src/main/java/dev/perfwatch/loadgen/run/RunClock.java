package dev.perfwatch.loadgen.run;

import java.time.Instant;

/**
 * Turns {@link System#nanoTime()} readings of one run into wall-clock instants from one anchor
 * taken at its start, so the hot path never reads the wall clock: {@code nanoTime} is monotonic
 * and cheap, and the run is short enough for the two clocks not to drift apart noticeably.
 * @param startedAt the wall-clock time of the anchor
 * @param startNanos {@code System.nanoTime()} at the same moment
 */
public record RunClock(Instant startedAt, long startNanos) {

	public static RunClock now() {
		return new RunClock(Instant.now(), System.nanoTime());
	}

	public Instant instant(long nanos) {
		return this.startedAt.plusNanos(nanos - this.startNanos);
	}

}
