package dev.perfwatch.observability.profiling;

import java.io.IOException;

/**
 * The one thing the scheduler asks of async-profiler: run a command such as
 * {@code start,jfr,event=cpu,file=...} or {@code stop}. An interface, so tests can stand in for
 * a profiler that fails.
 */
@FunctionalInterface
interface NativeProfiler {

	String execute(String command) throws IOException;

}
