package dev.perfwatch.observability.profiling;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

import org.springframework.util.unit.DataSize;

/**
 * Spaces each window's allocation samples by what the service allocates, so a window takes about
 * the same number of them whatever the load, as JFR's own allocation sampler does (150 samples a
 * second in its default settings). A fixed interval does not scale: at 512 KiB the data service,
 * which allocates about 1 GB/s at saturation, took 2,000 samples a second, each a JVM TI stack
 * walk of the whole Spring stack, and they were the largest part of what a window cost
 * (docs/profiling.md, "Overhead"). Each sample stands for the bytes of its interval, so allocation
 * flame graphs stay in bytes and windows of different intervals add up.
 */
final class AllocationSampling {

	private final long densestInterval;

	private final int samplesPerSecond;

	private final LongSupplier allocatedBytes;

	private final LongSupplier uptimeMillis;

	// Touched only on the profiler's thread.
	private long bytesBefore;

	private long millisBefore;

	/**
	 * @param densestInterval the interval a service that allocates little keeps
	 * @param samplesPerSecond the rate no busier service exceeds, at the allocation rate of the
	 * time since the last window
	 * @param allocatedBytes heap bytes allocated since the JVM started, negative when unknown
	 * @param uptimeMillis milliseconds since the JVM started
	 */
	AllocationSampling(DataSize densestInterval, int samplesPerSecond, LongSupplier allocatedBytes,
			LongSupplier uptimeMillis) {
		this.densestInterval = densestInterval.toBytes();
		this.samplesPerSecond = samplesPerSecond;
		this.allocatedBytes = allocatedBytes;
		this.uptimeMillis = uptimeMillis;
	}

	static AllocationSampling ofThisJvm(DataSize densestInterval, int samplesPerSecond) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		LongSupplier allocated = threads.isThreadAllocatedMemorySupported() ? threads::getTotalThreadAllocatedBytes
				: () -> -1;
		return new AllocationSampling(densestInterval, samplesPerSecond, allocated,
				ManagementFactory.getRuntimeMXBean()::getUptime);
	}

	/**
	 * @return the bytes between two allocation samples for the window about to start, from the
	 * allocation rate since the last call (since the JVM started, at the first)
	 */
	long nextInterval() {
		long bytes = this.allocatedBytes.getAsLong();
		long millis = this.uptimeMillis.getAsLong();
		long allocated = bytes - this.bytesBefore;
		long elapsed = millis - this.millisBefore;
		this.bytesBefore = bytes;
		this.millisBefore = millis;
		if (bytes < 0 || allocated <= 0 || elapsed <= 0) {
			return this.densestInterval;
		}
		double perSample = allocated * 1000.0 / elapsed / this.samplesPerSecond;
		// The JVM's heap sampling interval is a jint.
		return (long) Math.min(Integer.MAX_VALUE, Math.max(this.densestInterval, Math.ceil(perSample)));
	}

}
