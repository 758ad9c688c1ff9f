package dev.perfwatch.loadgen.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateScheduleTests {

	@Test
	void spacesStartsEvenlyAtAConstantRate() {
		RateSchedule schedule = new RateSchedule(List.of(new RateStep(100, Duration.ofSeconds(1))));

		List<Long> starts = drain(schedule);

		assertThat(starts).hasSize(100);
		assertThat(starts.get(0)).isZero();
		for (int i = 1; i < starts.size(); i++) {
			assertThat(starts.get(i) - starts.get(i - 1)).isEqualTo(10_000_000L);
		}
		assertThat(starts.get(99)).isLessThan(1_000_000_000L);
	}

	@Test
	void stepsFollowEachOtherWithTheirOwnRates() {
		RateSchedule schedule = new RateSchedule(
				List.of(new RateStep(50, Duration.ofSeconds(1)), new RateStep(200, Duration.ofSeconds(1))));

		List<Long> first = new ArrayList<>();
		List<Long> second = new ArrayList<>();
		long offset;
		while ((offset = schedule.next()) >= 0) {
			(schedule.currentStep() == 0 ? first : second).add(offset);
		}

		assertThat(first).hasSize(50).allMatch((start) -> start < 1_000_000_000L);
		assertThat(second).hasSize(200).allMatch((start) -> start >= 1_000_000_000L && start < 2_000_000_000L);
		assertThat(second.get(0)).isEqualTo(1_000_000_000L);
		assertThat(second.get(1) - second.get(0)).isEqualTo(5_000_000L);
		assertThat(schedule.expectedStarts()).isEqualTo(250);
		assertThat(schedule.totalDuration()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aFractionalRateStillStartsAtTheBeginningOfItsStep() {
		RateSchedule schedule = new RateSchedule(List.of(new RateStep(0.5, Duration.ofSeconds(3))));

		assertThat(drain(schedule)).containsExactly(0L, 2_000_000_000L);
	}

	@Test
	void rejectsRatesThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateStep(0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateStep(-5, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateStep(5, Duration.ZERO));
	}

	private static List<Long> drain(RateSchedule schedule) {
		List<Long> starts = new ArrayList<>();
		long offset;
		while ((offset = schedule.next()) >= 0) {
			starts.add(offset);
		}
		return starts;
	}

}
