package dev.perfwatch.frontend;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomComputationTests {

	@Test
	void sumsEachIndexTimesAUniformRandomNumber() {
		int iterations = 100_000;
		double result = new RandomComputation(new FrontendProperties("http://unused", Duration.ofSeconds(1), iterations))
			.compute();
		// sum of i * U(0,1) has mean n(n-1)/4 and a relative spread far below 1% at n = 100,000
		double expected = (double) iterations * (iterations - 1) / 4;
		assertThat(result).isBetween(expected * 0.98, expected * 1.02);
	}

}
