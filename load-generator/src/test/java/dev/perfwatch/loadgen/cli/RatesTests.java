package dev.perfwatch.loadgen.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatesTests {

	@Test
	void readsOneRateOrSteps() {
		assertThat(Rates.parse("100")).containsExactly(100.0);
		assertThat(Rates.parse("50, 100,200/s")).containsExactly(50.0, 100.0, 200.0);
		assertThat(Rates.parse("0.5")).containsExactly(0.5);
	}

	@Test
	void rejectsRatesThatAreNotPositiveNumbers() {
		assertThatThrownBy(() -> Rates.parse("fast")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("'fast' is not a rate");
		assertThatThrownBy(() -> Rates.parse("50,,100")).isInstanceOf(BadInputException.class);
		assertThatThrownBy(() -> Rates.parse("0")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("must be a positive number");
	}

}
