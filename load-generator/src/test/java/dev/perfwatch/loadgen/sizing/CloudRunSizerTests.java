package dev.perfwatch.loadgen.sizing;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorded curve gives a known recommendation; a p99 no step meets gives none. */
class CloudRunSizerTests {

	private final Pricing pricing = PricingFile.read(resource("pricing.json"));

	private final CloudRunSizer sizer = new CloudRunSizer(new Objective(1000, 0.005, "--p99 1s"), this.pricing,
			"pricing.json", 0.25);

	@Test
	void theKneeIsTheLastStepBeforeTheFirstMissAndALaterGoodStepIsNotTrusted() {
		SizingReport report = this.sizer.size(MeasurementsFile.read(resource("known-curve.json")), "known", 250);

		assertThat(report.kneeRate()).isEqualTo(100);
		assertThat(report.steps()).extracting(KneeFinder.StepVerdict::meets).containsExactly(true, true, true, false,
				true);
		assertThat(report.steps().get(3).miss()).isEqualTo("errors 5.00 % > 0.5 %");
		assertThat(report.notes()).containsExactly(
				"the step at 200 req/s met the objective after a step that missed it: not used");
	}

	@Test
	void aKnownCurveGivesKnownSettings() {
		SizingReport report = this.sizer.size(MeasurementsFile.read(resource("known-curve.json")), "known", 250);

		ServiceRecommendation frontend = report.services().get(0);
		assertThat(frontend.service()).isEqualTo("frontend-service");
		// 3.5 ms x 100 req/s = 0.35 cores, / 0.6 = 0.58 vCPU: 1. In flight 6 / 0.6 = 10, but at a mean
		// of 6, 1 % of random arrivals find 12 or more in flight: 13 lets 99 % in at once.
		// Peak RSS 360 (the 200 req/s step) + 25 % = 450 MiB: 512Mi. 250 / 100 = 3 instances, + 25 %: 4.
		assertThat(frontend).extracting(ServiceRecommendation::cpu, ServiceRecommendation::memory,
				ServiceRecommendation::concurrency, ServiceRecommendation::minInstances,
				ServiceRecommendation::maxInstances, ServiceRecommendation::instancesAtTarget)
			.containsExactly(1, "512Mi", 13, 1, 4, 3);

		ServiceRecommendation data = report.services().get(1);
		// 8 ms x 100 = 0.8 cores, / 0.6 = 1.33 vCPU: 2. 4.2 / 0.6 = 7; Poisson p99 at 4.2 is 10: 11.
		// 450 + 25 % = 562.5 MiB: 768Mi.
		// Starts in 0.5 s, within the 1 s objective: no minimum instance.
		assertThat(data).extracting(ServiceRecommendation::cpu, ServiceRecommendation::memory,
				ServiceRecommendation::concurrency, ServiceRecommendation::minInstances,
				ServiceRecommendation::maxInstances, ServiceRecommendation::instancesAtTarget)
			.containsExactly(2, "768Mi", 11, 0, 4, 3);
	}

	@Test
	void aKnownCurveGivesKnownMonthlyCosts() {
		SizingReport report = this.sizer.size(MeasurementsFile.read(resource("known-curve.json")), "known", 250);

		// Instance-based, frontend: 3 x 2,628,000 s x (1 x 0.000018 + 0.5 GiB x 0.000002) = 149.80.
		// Request-based: 3 instances at 83.3 req/s, 60 ms each: 5 in flight, busy 1 - e^-5 of the time,
		// 3 x 0.99326 x 2,628,000 x 0.00002525 = 197.73, plus 250 x 2,628,000 / 1e6 x 0.40 = 262.80.
		assertThat(report.services().get(0).costPerMonth()).isEqualTo(new MonthlyCost(460.53, 461.87, 149.80));
		// Data: 2 vCPU and 0.75 GiB: 7,884,000 x 0.0000375 = 295.65; 3.5 in flight, busy 1 - e^-3.5.
		assertThat(report.services().get(1).costPerMonth()).isEqualTo(new MonthlyCost(644.14, 656.01, 295.65));
		assertThat(report.totalPerMonth()).isEqualTo(new MonthlyCost(1104.67, 1117.88, 445.45));
		assertThat(report.cheaperBilling()).isEqualTo("instance-based");
	}

	@Test
	void aLowRateAtWhichInstancesIdleIsCheaperPerRequest() {
		SizingReport report = this.sizer.size(MeasurementsFile.read(resource("known-curve.json")), "known", 2);

		assertThat(report.services()).extracting(ServiceRecommendation::instancesAtTarget, ServiceRecommendation::maxInstances)
			.containsOnly(org.assertj.core.groups.Tuple.tuple(1, 2));
		assertThat(report.cheaperBilling()).isEqualTo("request-based");
	}

	@Test
	void aP99ObjectiveNoStepMeetsSaysSoAndRecommendsNothing() {
		SizingReport report = this.sizer.size(MeasurementsFile.read(resource("unmeetable.json")), "slow", 50);

		assertThat(report.objectiveMet()).isFalse();
		assertThat(report.services()).isEmpty();
		assertThat(report.kneeRate()).isNull();
		assertThat(report.problem()).startsWith("no measured step meets the objective: even the lowest, 10 req/s, "
				+ "missed it (p99 1500 ms > 1000 ms)");
	}

	@Test
	void aServiceWithLittleInFlightStillTakesARequestThatArrivesWhileItIsBusy() {
		ServiceSizer sizer = new ServiceSizer(new Objective(1000, 0.005, "test"), this.pricing, 0.25);
		Measurements measurements = MeasurementsFile.read(resource("known-curve.json"));

		// 0.3 in flight / 0.6 rounds up to 1; but an arrival finds one in flight 26 % of the time.
		ServiceRecommendation quiet = sizer.size("data-service", measurements.steps().get(0), 20, 400, 0.5);

		assertThat(quiet.concurrency()).isEqualTo(3);
	}

	@Test
	void memoryBeyondWhatOneVcpuMayHaveTakesMoreVcpus() {
		ServiceSizer sizer = new ServiceSizer(new Objective(1000, 0.005, "test"), this.pricing, 0.25);
		Measurements measurements = MeasurementsFile.read(resource("known-curve.json"));

		ServiceRecommendation big = sizer.size("frontend-service", measurements.steps().get(2), 100, 3500, 4.0);

		// 3500 x 1.25 = 4375 MiB: 4608Mi, more than 1 vCPU's 4 GiB.
		assertThat(big.memory()).isEqualTo("4608Mi");
		assertThat(big.cpu()).isEqualTo(2);
	}

	static Path resource(String name) {
		try {
			return Path.of(CloudRunSizerTests.class.getResource("/sizing/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
