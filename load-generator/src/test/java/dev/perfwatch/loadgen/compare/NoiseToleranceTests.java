package dev.perfwatch.loadgen.compare;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseToleranceTests {

	private final NoiseTolerance rule = new NoiseTolerance(0.02);

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

	private static Samples samples(double... values) {
		return new Samples(Arrays.stream(values).boxed().toList());
	}

}
