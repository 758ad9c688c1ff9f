package dev.perfwatch.observability.profiling;

import java.io.IOException;

/**
 * Loads the native profiler. Called on the profiler's own thread, so a slow or failing load never
 * holds up the service's start.
 */
@FunctionalInterface
interface ProfilerLoader {

	NativeProfiler load() throws IOException;

}
