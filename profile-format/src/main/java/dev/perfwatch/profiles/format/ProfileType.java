package dev.perfwatch.profiles.format;

import java.util.Locale;

/**
 * The three views every window holds; all three are recorded together.
 */
public enum ProfileType {

	/** On-CPU time, sampled by perf events or a CPU timer. */
	CPU("samples"),

	/** Wall-clock time of every thread, running or waiting. */
	WALL("samples"),

	/** Heap allocations, weighted by the bytes they stand for. */
	ALLOC("bytes");

	private final String unit;

	ProfileType(String unit) {
		this.unit = unit;
	}

	/**
	 * @return the name users type, {@code cpu}, {@code wall} or {@code alloc}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String unit() {
		return this.unit;
	}

	/**
	 * @return the type named {@code id}, in any case
	 * @throws IllegalArgumentException for any other name
	 */
	public static ProfileType of(String id) {
		for (ProfileType type : values()) {
			if (type.id().equalsIgnoreCase(id.strip())) {
				return type;
			}
		}
		throw new IllegalArgumentException("'" + id + "' is not one of cpu, wall, alloc");
	}

}
