package dev.perfwatch.observability.profiling;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-service continuous profiler. Defaults live in
 * {@code perfwatch-defaults.properties}; the {@code PERFWATCH_PROFILING*} environment variables
 * feed them. The schedule comes from the mode; any of its parts set here overrides the mode's.
 *
 * @param enabled whether the service profiles itself ({@code PERFWATCH_PROFILING=on|off})
 * @param mode {@code continuous} (Cloud Profiler's pace) or {@code trace} (every request covered)
 * @param spanEvents whether windows also record span scopes, so samples can be joined to traces
 * @param dir the profiles directory; each service writes into its own subdirectory
 * @param period how often a window starts, if not the mode's
 * @param window how long each window records, if not the mode's
 * @param keepWindows how many windows per service survive pruning
 * @param keepFor how old a window may grow before pruning removes it
 * @param cpuInterval CPU time between two CPU samples of a thread, if not the mode's
 * @param wallInterval wall-clock time between two wall-clock samples, if not the mode's
 * @param allocInterval bytes allocated between two allocation samples at least, if not the mode's
 * @param allocSamplesPerSecond allocation samples a second a busy service keeps to, if not the mode's
 * @param nativeLibrary a libasyncProfiler to load instead of the one inside the async-profiler jar
 * @param cpuEngine how CPU time is sampled, {@code cpu}, {@code ctimer} or {@code itimer}, tried
 * before the others; unset: the first of them this machine allows
 */
@ConfigurationProperties("perfwatch.profiling")
public record ProfilingProperties(boolean enabled, ProfilingMode mode, boolean spanEvents, Path dir, Duration period,
		Duration window, int keepWindows, Duration keepFor, Duration cpuInterval, Duration wallInterval,
		DataSize allocInterval, Integer allocSamplesPerSecond, Path nativeLibrary, String cpuEngine) {

	public ProfilingProperties {
		mode = (mode != null) ? mode : ProfilingMode.CONTINUOUS;
	}

	ProfilingSchedule schedule() {
		ProfilingSchedule base = this.mode.schedule();
		return new ProfilingSchedule(or(this.period, base.period()), or(this.window, base.window()),
				or(this.cpuInterval, base.cpuInterval()), or(this.wallInterval, base.wallInterval()),
				or(this.allocInterval, base.allocInterval()),
				or(this.allocSamplesPerSecond, base.allocSamplesPerSecond()), base.batchIdleWall(),
				base.wallInSpansOnly());
	}

	/**
	 * @return why these settings cannot drive a profiler, or {@code null} when they can
	 */
	String problem() {
		if (this.dir == null || this.keepFor == null) {
			return "perfwatch.profiling needs dir and keep-for";
		}
		ProfilingSchedule schedule = schedule();
		if (schedule.window().isNegative() || schedule.window().isZero()
				|| schedule.window().compareTo(schedule.period()) >= 0) {
			return "perfwatch.profiling.window (" + schedule.window() + ") must be positive and shorter than the period ("
					+ schedule.period() + ")";
		}
		long allocBytes = schedule.allocInterval().toBytes();
		if (allocBytes < 1 || allocBytes > Integer.MAX_VALUE) {
			// The JVM's heap sampling interval is a jint: 4 GiB would wrap to 0, a sample per allocation.
			return "perfwatch.profiling.alloc-interval (" + allocBytes + " bytes) must be between 1 byte and "
					+ Integer.MAX_VALUE + " bytes";
		}
		if (schedule.allocSamplesPerSecond() < 1) {
			return "perfwatch.profiling.alloc-samples-per-second (" + schedule.allocSamplesPerSecond()
					+ ") must be at least 1";
		}
		if (this.cpuEngine != null && !CpuSampling.ENGINES.contains(this.cpuEngine)) {
			return "perfwatch.profiling.cpu-engine (" + this.cpuEngine + ") must be one of " + CpuSampling.ENGINES;
		}
		if (this.keepWindows < 1) {
			return "perfwatch.profiling.keep-windows must be at least 1";
		}
		return null;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
