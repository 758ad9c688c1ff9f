package dev.perfwatch.observability.time;

/**
 * The recipe reports every duration in fractional milliseconds.
 */
public final class Elapsed {

	private Elapsed() {
	}

	/**
	 * Milliseconds since a {@link System#nanoTime()} reading.
	 */
	public static double millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000.0;
	}

}
