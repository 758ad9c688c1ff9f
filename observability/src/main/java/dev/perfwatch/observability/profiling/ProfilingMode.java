package dev.perfwatch.observability.profiling;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Two schedules for the same profiler ({@code PERFWATCH_PROFILING_MODE}).
 */
public enum ProfilingMode {

	/**
	 * Cloud Profiler's pace: one 10 s window a minute at coarse intervals, cheap enough to leave on.
	 * At most about 150 allocation samples a second, JFR's default; a wall sample per thread every
	 * 100 ms (50 ms cost twice as much inside the windows: docs/profiling.md, "Overhead").
	 */
	CONTINUOUS(new ProfilingSchedule(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(10),
			Duration.ofMillis(100), DataSize.ofKilobytes(512), 150, true, false)),

	/**
	 * For investigations: windows back to back and dense sampling, so every request of a short load
	 * falls in a window with enough samples for its own flame graph. Wall samples are not batched:
	 * a thread waiting on a downstream call gets a sample, with its stack, every interval. Only the
	 * threads inside a span get them (with span events; else every thread): a trace's graph has no
	 * use for the idle ones, and sampling them all cost most of a core per service. Allocations are
	 * sampled every 512 KiB up to 10,000 samples a second, far above what the suite allocates: a
	 * request's own allocation graph needs them.
	 */
	TRACE(new ProfilingSchedule(Duration.ofSeconds(11), Duration.ofSeconds(10), Duration.ofMillis(2),
			Duration.ofMillis(10), DataSize.ofKilobytes(512), 10_000, false, true));

	private final ProfilingSchedule schedule;

	ProfilingMode(ProfilingSchedule schedule) {
		this.schedule = schedule;
	}

	ProfilingSchedule schedule() {
		return this.schedule;
	}

}
