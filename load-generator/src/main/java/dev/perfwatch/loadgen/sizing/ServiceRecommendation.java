package dev.perfwatch.loadgen.sizing;

import java.util.List;

/**
 * The Cloud Run settings for one service and why.
 *
 * @param memory as gcloud's --memory takes it ({@code 768Mi}, {@code 1Gi})
 * @param instancesAtTarget instances the target rate keeps busy
 * @param rateAtTarget requests per second this service serves at the target rate
 * @param ratePerInstance requests per second one instance takes at the knee
 * @param startupSeconds JVM launch to ready, measured locally; {@code null} when not measured
 * @param reasons one line per setting, how it was derived
 */
record ServiceRecommendation(String service, int cpu, String memory, int memoryMib, int concurrency, int minInstances,
		int maxInstances, int instancesAtTarget, double rateAtTarget, double ratePerInstance, double inFlightAtKnee,
		double cpuMsPerRequest, double peakRssMib, Double startupSeconds, MonthlyCost costPerMonth,
		List<String> reasons) {

}
