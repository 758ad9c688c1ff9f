package dev.perfwatch.loadgen.sizing;

import java.util.List;
import java.util.OptionalInt;

/**
 * What Cloud Run accepts and how its autoscaler behaves, as its documentation states them
 * (https://cloud.google.com/run/docs/configuring/services/cpu and
 * https://cloud.google.com/run/docs/configuring/scaling-controls, read 2026-12-07).
 */
final class CloudRunLimits {

	/**
	 * The autoscaler's default CPU and concurrency targets: it adds instances when either the mean CPU
	 * use or the mean requests in flight of an instance passes 60 % of what the instance has.
	 */
	static final double SCALING_TARGET = 0.6;

	/**
	 * Whole vCPU counts only. Fractions below 1 exist, but force a concurrency of 1, and a JVM on a
	 * fraction of a CPU takes many seconds to start.
	 */
	static final List<Integer> CPUS = List.of(1, 2, 4, 6, 8);

	/** A JVM service under load already holds 250-350 MiB (bench/results/memory.txt). */
	static final int MIN_JVM_MEMORY_MIB = 512;

	/** Memory is rounded up to a multiple of this: any MiB value is accepted, few are worth telling apart. */
	static final int MEMORY_STEP_MIB = 256;

	static final double HOURS_PER_MONTH = 730;

	private CloudRunLimits() {
	}

	/** The smallest allowed CPU count with at least {@code vcpus}, or empty when more than 8 are needed. */
	static OptionalInt cpusFor(double vcpus) {
		return CPUS.stream().mapToInt(Integer::intValue).filter((cpus) -> cpus >= vcpus - 1e-9).findFirst();
	}

	/** The least memory Cloud Run allows with this many vCPUs. */
	static int minMemoryMib(int cpus) {
		return switch (cpus) {
			case 4 -> 2048;
			case 6, 8 -> 4096;
			default -> 0;
		};
	}

	/** The most memory Cloud Run allows with this many vCPUs. */
	static int maxMemoryMib(int cpus) {
		return switch (cpus) {
			case 1 -> 4096;
			case 2 -> 8192;
			case 4 -> 16384;
			case 6 -> 24576;
			default -> 32768;
		};
	}

	/** {@code 768Mi}, or {@code 2Gi} when it is a whole number of GiB, as gcloud's --memory takes it. */
	static String memoryFlag(int mib) {
		return (mib % 1024 == 0) ? (mib / 1024) + "Gi" : mib + "Mi";
	}

	/** {@code value} rounded up to a whole number, ignoring floating-point dust (4.2 / 0.6 is 7, not 8). */
	static long ceil(double value) {
		return (long) Math.ceil(value - 1e-9);
	}

}
