package dev.perfwatch.loadgen.run;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunClockTests {

	@Test
	void aNanoTimeReadingIsTheAnchorPlusTheNanosSince() {
		RunClock clock = new RunClock(Instant.parse("2026-12-02T10:00:00Z"), -5_000_000_000L);

		assertThat(clock.instant(-5_000_000_000L)).isEqualTo("2026-12-02T10:00:00Z");
		assertThat(clock.instant(-3_499_999_999L)).isEqualTo("2026-12-02T10:00:01.500000001Z");
		assertThat(clock.instant(-6_000_000_000L)).isEqualTo("2026-12-02T09:59:59Z");
	}

	@Test
	void nowAnchorsBothClocksAtOnce() {
		Instant before = Instant.now();
		RunClock clock = RunClock.now();
		Instant after = Instant.now();

		assertThat(clock.startedAt()).isBetween(before, after);
		assertThat(clock.instant(System.nanoTime())).isAfterOrEqualTo(clock.startedAt());
	}

}
