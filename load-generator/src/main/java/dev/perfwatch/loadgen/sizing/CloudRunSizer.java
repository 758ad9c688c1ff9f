package dev.perfwatch.loadgen.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfwatch.loadgen.report.TextReport;
import dev.perfwatch.loadgen.sizing.KneeFinder.Knee;
import dev.perfwatch.loadgen.sizing.KneeFinder.StepVerdict;
import dev.perfwatch.loadgen.sizing.SizingReport.PricingSummary;

/** Turns measurements, an objective, prices and a target rate into a {@link SizingReport}. */
final class CloudRunSizer {

	private final Objective objective;

	private final Pricing pricing;

	private final String pricingFile;

	private final double headroom;

	CloudRunSizer(Objective objective, Pricing pricing, String pricingFile, double headroom) {
		this.objective = objective;
		this.pricing = pricing;
		this.pricingFile = pricingFile;
		this.headroom = headroom;
	}

	SizingReport size(Measurements measurements, String measurementsFile, double targetRate) {
		Knee knee = KneeFinder.find(measurements.steps(), this.objective);
		PricingSummary prices = new PricingSummary(this.pricingFile, this.pricing.source(), this.pricing.readOn(),
				this.pricing.currency(), this.pricing.tier(), this.pricing.unverified());
		if (!knee.found()) {
			StepVerdict lowest = knee.verdicts().get(0);
			String problem = "no measured step meets the objective: even the lowest, "
					+ TextReport.fmt(lowest.rateTarget()) + " req/s, missed it (" + lowest.miss()
					+ "). More instances cannot fix latency a single instance has at low load: find what makes "
					+ "requests slow (docs/profiling.md), or measure lower rates";
			return new SizingReport(SizingReport.SCHEMA_VERSION, measurementsFile, measurements.measuredAt(),
					measurements.environment(), targetRate, this.objective, this.headroom, knee.verdicts(), null,
					knee.notes(), problem, List.of(), null, null, prices, assumptions());
		}
		ServiceSizer sizer = new ServiceSizer(this.objective, this.pricing, this.headroom);
		List<ServiceRecommendation> services = new ArrayList<>();
		MonthlyCost total = MonthlyCost.zero();
		for (String service : knee.step().services().keySet()) {
			double peakRss = measurements.steps()
				.stream()
				.mapToDouble((step) -> step.services().get(service).peakRssMib())
				.max()
				.orElseThrow();
			ServiceRecommendation recommendation = sizer.size(service, knee.step(), targetRate, peakRss,
					measurements.startupSeconds().get(service));
			services.add(recommendation);
			total = total.plus(recommendation.costPerMonth());
		}
		return new SizingReport(SizingReport.SCHEMA_VERSION, measurementsFile, measurements.measuredAt(),
				measurements.environment(), targetRate, this.objective, this.headroom, knee.verdicts(),
				knee.step().rateTarget(), knee.notes(), null, services, total, total.cheaper(), prices, assumptions());
	}

	private List<String> assumptions() {
		List<String> assumptions = new ArrayList<>();
		assumptions.add("one local CPU core stands for one Cloud Run vCPU. It holds only roughly: Cloud Run's vCPU is "
				+ "a hyperthread of a server CPU of another model and clock; locally every service, the tracing "
				+ "backend and the load generator shared the same cores, so the knee is where the whole machine ran "
				+ "out, and a service on its own vCPU on Cloud Run likely takes more per instance than measured here "
				+ "(the recommendation errs towards more instances)");
		assumptions.add("one local process per service stands for one Cloud Run instance; network hops between "
				+ "services on Cloud Run (TLS, ID tokens, another zone) add latency the loopback did not have");
		assumptions.add("the p99 objective applies end to end at the entry point; every service is sized at the same "
				+ "knee, the highest offered rate before the first step that missed it");
		assumptions.add(String.format(Locale.ROOT,
				"Cloud Run's autoscaler adds instances at 60 %% of an instance's CPU or concurrency (its defaults); "
						+ "headroom %s %% on peak memory and on max instances", TextReport.fmt(100 * this.headroom)));
		assumptions.add("steady load at the target rate for a month of " + TextReport.fmt(CloudRunLimits.HOURS_PER_MONTH)
				+ " h, Poisson arrivals spread evenly over the instances; no free tier, committed-use discount or "
				+ "network charge; idle minimum instances under request-based billing not counted");
		assumptions.add("prices: " + this.pricing.tier() + ", " + this.pricing.currency() + ", from "
				+ this.pricing.source() + " read on " + this.pricing.readOn()
				+ (this.pricing.unverified().isEmpty() ? "" : "; unverified: " + String.join("; ", this.pricing.unverified())));
		return assumptions;
	}

}
