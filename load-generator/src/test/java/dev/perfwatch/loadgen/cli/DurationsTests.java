package dev.perfwatch.loadgen.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTests {

	@Test
	void readsTheUsualUnits() {
		assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Durations.parse("10")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void rejectsWhatIsNotADuration() {
		assertThatThrownBy(() -> Durations.parse("5x")).isInstanceOf(BadInputException.class)
			.hasMessage("'5x' is not a duration; write e.g. 500ms, 30s, 2m, 1m30s or 1h");
		assertThatThrownBy(() -> Durations.parse("-1s")).isInstanceOf(BadInputException.class);
		assertThatThrownBy(() -> Durations.parse("s")).isInstanceOf(BadInputException.class);
	}

}
