package dev.perfwatch.observability.profiling;

import java.io.IOException;

/**
 * What the scheduler and the span thread filter ask of async-profiler: run a command such as
 * {@code start,jfr,event=cpu,file=...} or {@code stop}, and add the current thread to or remove it
 * from the wall-clock thread filter. An interface, so tests can stand in for a profiler that fails.
 */
@FunctionalInterface
interface NativeProfiler {

	String execute(String command) throws IOException;

	/**
	 * Whether wall-clock samples of the current thread are taken, when the profiler was started
	 * with the {@code filter} option; without it, nothing changes.
	 */
	default void sampleWallOfCurrentThread(boolean sampled) {
	}

}
