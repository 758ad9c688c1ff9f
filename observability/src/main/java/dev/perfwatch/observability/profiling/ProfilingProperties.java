package dev.perfwatch.observability.profiling;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-service continuous profiler. Defaults live in
 * {@code perfwatch-defaults.properties}, where the {@code PERFWATCH_PROFILING*} environment
 * variables feed them.
 *
 * @param enabled whether the service profiles itself ({@code PERFWATCH_PROFILING=on|off})
 * @param dir the profiles directory; each service writes into its own subdirectory
 * @param period how often a window starts
 * @param window how long each window records; shorter than the period
 * @param keepWindows how many windows per service survive pruning
 * @param keepFor how old a window may grow before pruning removes it
 * @param cpuInterval CPU time between two CPU samples of a thread
 * @param wallInterval wall-clock time between two wall-clock samples
 * @param allocInterval bytes allocated between two allocation samples
 * @param nativeLibrary a libasyncProfiler to load instead of the one inside the async-profiler jar
 */
@ConfigurationProperties("perfwatch.profiling")
public record ProfilingProperties(boolean enabled, Path dir, Duration period, Duration window, int keepWindows,
		Duration keepFor, Duration cpuInterval, Duration wallInterval, DataSize allocInterval, Path nativeLibrary) {

	/**
	 * @return why these settings cannot drive a profiler, or {@code null} when they can
	 */
	String problem() {
		if (this.dir == null || this.period == null || this.window == null || this.keepFor == null
				|| this.cpuInterval == null || this.wallInterval == null || this.allocInterval == null) {
			return "perfwatch.profiling needs dir, period, window, keep-for and the three intervals";
		}
		if (this.window.isNegative() || this.window.isZero() || this.window.compareTo(this.period) >= 0) {
			return "perfwatch.profiling.window (" + this.window + ") must be positive and shorter than the period ("
					+ this.period + ")";
		}
		if (this.keepWindows < 1) {
			return "perfwatch.profiling.keep-windows must be at least 1";
		}
		return null;
	}

}
