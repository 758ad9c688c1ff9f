package dev.perfwatch.loadgen.sizing;

/**
 * How many requests are in flight at most 99 % of the time when they arrive at random: with a
 * mean of L in flight, the count is Poisson-distributed with mean L (an M/G/∞ queue, whatever
 * the distribution of service times).
 */
final class PoissonQuantile {

	private static final double SHARE = 0.99;

	/** Past this mean the normal approximation is within a request or two, and e^-mean heads for underflow. */
	private static final double NORMAL_FROM = 100;

	/** The standard normal's 99th percentile. */
	private static final double Z_99 = 2.326;

	private PoissonQuantile() {
	}

	/** The least k with P(N <= k) >= 0.99 for N ~ Poisson(mean). */
	static long p99(double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > NORMAL_FROM) {
			return CloudRunLimits.ceil(mean + Z_99 * Math.sqrt(mean));
		}
		long k = 0;
		double probability = Math.exp(-mean);
		double cumulative = probability;
		while (cumulative < SHARE) {
			k++;
			probability *= mean / k;
			cumulative += probability;
		}
		return k;
	}

}
