package dev.perfwatch.loadgen.sizing;

import java.util.List;

/**
 * Cloud Run list prices for one region tier, with where they were read and when.
 *
 * @param unverified figures that could not be confirmed on the source page, each with why
 */
record Pricing(String source, String readOn, String currency, String tier, Prices requestBased,
		Prices instanceBased, List<String> unverified) {

	/** Prices of one billing setting; instance-based billing has no per-request fee. */
	record Prices(double vcpuSecond, double gibSecond, double perMillionRequests) {
	}

}
