package dev.perfwatch.observability.profiling;

import java.util.Locale;

/**
 * The three views of one window. All three are recorded together; the converter picks one out of
 * the recording by the option it passes to jfr-converter.
 */
enum ProfileType {

	/** On-CPU time, sampled by perf events or a CPU timer. */
	CPU("--cpu"),

	/** Heap allocations, weighted by the bytes they stand for. */
	ALLOC("--alloc", "--total"),

	/** Wall-clock time of every thread, running or waiting. */
	WALL("--wall");

	private final String[] converterOptions;

	ProfileType(String... converterOptions) {
		this.converterOptions = converterOptions;
	}

	/**
	 * @return the name used in file names and by the {@code profiles} command
	 */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String[] converterOptions() {
		return this.converterOptions.clone();
	}

}
