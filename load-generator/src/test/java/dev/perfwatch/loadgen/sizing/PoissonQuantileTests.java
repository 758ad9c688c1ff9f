package dev.perfwatch.loadgen.sizing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoissonQuantileTests {

	@Test
	void theLeastCountReachedNinetyNinePercentOfTheTime() {
		// P(N <= 11) = 0.980 and P(N <= 12) = 0.991 for a mean of 6.
		assertThat(PoissonQuantile.p99(6)).isEqualTo(12);
		// e^-0.42 x (1 + 0.42 + 0.42^2 / 2) = 0.991.
		assertThat(PoissonQuantile.p99(0.42)).isEqualTo(2);
		assertThat(PoissonQuantile.p99(0)).isZero();
	}

	@Test
	void largeMeansUseTheNormalApproximation() {
		// 400 + 2.326 x 20 = 446.5.
		assertThat(PoissonQuantile.p99(400)).isEqualTo(447);
	}

}
