package dev.perfwatch.loadgen.compare;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseToleranceTests {

	private final NoiseTolerance rule = new NoiseTolerance(0.02, false);

	private final NoiseTolerance paired = new NoiseTolerance(0.02, true);

	@Test
	void roundsThatAgreeExactlyGetTheFloor() {
		assertThat(this.rule.of(samples(100, 100), samples(100, 100))).isEqualTo(0.02);
	}

	@Test
	void theToleranceIsTheConfidenceHalfWidthOfTheDifferenceOfMeans() {
		// Pooled standard deviation 10 over a mean of 100: spread 10 %; t(0.995, 4) = 4.604.
		double tolerance = this.rule.of(samples(100, 110, 90), samples(100, 110, 90));

		assertThat(tolerance).isCloseTo(4.604 * Math.sqrt(2.0 / 3) * 0.10, within(1e-9));
	}

	@Test
	void fewerRoundsWidenTheTolerance() {
		assertThat(NoiseTolerance.spreadFactor(2, 2)).isCloseTo(9.925, within(1e-9));
		assertThat(NoiseTolerance.spreadFactor(3, 3)).isGreaterThan(NoiseTolerance.spreadFactor(5, 5));
		assertThat(NoiseTolerance.spreadFactor(40, 40)).isCloseTo(2.750 * Math.sqrt(2.0 / 40), within(1e-9));
	}

	@Test
	void theSameShiftIsARegressionWhenTheRoundsAreSteadyAndNoiseWhenTheyAreNot() {
		MetricVerdict steady = MetricVerdict.judge(Metric.THROUGHPUT, samples(100, 101, 99), samples(94, 95, 93),
				this.rule);
		MetricVerdict noisy = MetricVerdict.judge(Metric.THROUGHPUT, samples(100, 115, 85), samples(94, 109, 79),
				this.rule);

		assertThat(steady.change()).isCloseTo(-0.06, within(1e-9));
		assertThat(steady.outcome()).isEqualTo(Outcome.REGRESSION);
		assertThat(noisy.change()).isCloseTo(-0.06, within(1e-9));
		assertThat(noisy.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void forLatencyAndCpuHigherIsWorse() {
		Metric cpu = Metric.cpuPerRequest("data-service");

		assertThat(MetricVerdict.judge(cpu, samples(3.0, 3.1), samples(4.0, 4.1), this.rule).outcome())
			.isEqualTo(Outcome.REGRESSION);
		assertThat(MetricVerdict.judge(Metric.P99, samples(200, 202), samples(100, 101), this.rule).outcome())
			.isEqualTo(Outcome.IMPROVEMENT);
		assertThat(MetricVerdict.judge(Metric.THROUGHPUT, samples(200, 202), samples(100, 101), this.rule).outcome())
			.isEqualTo(Outcome.REGRESSION);
	}

	@Test
	void pairedADriftBothSidesShareCancelsAndTheShiftStandsOut() {
		// The machine drifts from 100 to 70 over the run; each head round is 10 % worse than the
		// base round next to it. Unpaired, the drift is noise that hides the 10 %; paired, it cancels.
		Samples base = samples(100, 90, 80, 70);
		Samples head = samples(90, 81, 72, 63);

		MetricVerdict unpaired = MetricVerdict.judge(Metric.THROUGHPUT, base, head, this.rule);
		MetricVerdict inPairs = MetricVerdict.judge(Metric.THROUGHPUT, base, head, this.paired);

		assertThat(unpaired.outcome()).isEqualTo(Outcome.PASS);
		assertThat(inPairs.change()).isCloseTo(-0.10, within(1e-9));
		assertThat(inPairs.spread()).isCloseTo(0, within(1e-12));
		assertThat(inPairs.tolerance()).isEqualTo(0.02);
		assertThat(inPairs.outcome()).isEqualTo(Outcome.REGRESSION);
	}

	@Test
	void pairedTheToleranceIsTheConfidenceHalfWidthOfTheMeanRatio() {
		// Ratios 1.1, 0.9, 1.1, 0.9: standard deviation 0.11547; t(0.995, 3) = 5.841.
		double tolerance = this.paired.of(samples(100, 100, 100, 100), samples(110, 90, 110, 90));

		assertThat(tolerance).isCloseTo(5.841 / Math.sqrt(4) * 0.115470054, within(1e-6));
		assertThat(NoiseTolerance.pairedFactor(8)).isCloseTo(3.499 / Math.sqrt(8), within(1e-9));
	}

	private static Samples samples(double... values) {
		return new Samples(Arrays.stream(values).boxed().toList());
	}

}
