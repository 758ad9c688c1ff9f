package dev.perfwatch.loadgen.sizing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.perfwatch.loadgen.sizing.KneeFinder.StepVerdict;

/**
 * Everything {@code size} concluded, as written to {@code --json} (snake_case).
 *
 * @param kneeRate offered rate of the knee step; {@code null} when no step met the objective
 * @param problem why there is no recommendation; {@code null} when there is one
 * @param cheaperBilling at the target rate, over all services
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SizingReport(int schemaVersion, String measurements, String measuredAt, String environment, double targetRate,
		Objective objective, double headroom, List<StepVerdict> steps, Double kneeRate, List<String> notes,
		String problem, List<ServiceRecommendation> services, MonthlyCost totalPerMonth, String cheaperBilling,
		PricingSummary pricing, List<String> assumptions) {

	static final int SCHEMA_VERSION = 1;

	@JsonProperty
	boolean objectiveMet() {
		return this.problem == null;
	}

	/** Where the prices came from, and which of them could not be confirmed. */
	record PricingSummary(String file, String source, String readOn, String currency, String tier,
			List<String> unverified) {
	}

}
