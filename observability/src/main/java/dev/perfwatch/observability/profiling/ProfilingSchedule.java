package dev.perfwatch.observability.profiling;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * When windows record and how densely they sample.
 *
 * @param period how often a window starts
 * @param window how long each window records; shorter than the period
 * @param cpuInterval CPU time between two CPU samples of a thread
 * @param wallInterval wall-clock time between two wall-clock samples of a thread
 * @param allocInterval bytes allocated between two allocation samples, at least: the interval of a
 * service that allocates little
 * @param allocSamplesPerSecond allocation samples a second no busier service exceeds
 * @param batchIdleWall whether an idle thread's wall samples are written as one sample with a count
 * @param wallInSpansOnly whether only threads inside a span scope get wall samples, when span events are on
 */
record ProfilingSchedule(Duration period, Duration window, Duration cpuInterval, Duration wallInterval,
		DataSize allocInterval, int allocSamplesPerSecond, boolean batchIdleWall, boolean wallInSpansOnly) {

	/**
	 * @param filterWall whether wall samples are kept to the threads a {@link SpanThreadFilter} adds
	 * @param allocBytes this window's allocation interval, from {@link AllocationSampling}
	 * @return async-profiler's options for one window of this schedule, after {@code start,jfr,}
	 */
	String profilerOptions(String cpuEngine, boolean filterWall, long allocBytes) {
		return "event=" + cpuEngine + ",interval=" + this.cpuInterval.toNanos() + ",wall=" + this.wallInterval.toNanos()
				+ (this.batchIdleWall ? "" : ",nobatch") + (filterWall ? ",filter" : "") + ",alloc="
				+ allocBytes;
	}

}
