package dev.perfwatch.observability.profiling;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilingPropertiesTests {

	@Test
	void theModesOwnSchedulesAreValid() {
		for (ProfilingMode mode : ProfilingMode.values()) {
			assertThat(properties(mode, null, null, null).problem()).isNull();
		}
	}

	@Test
	void aWindowMustBeShorterThanItsPeriod() {
		assertThat(properties(ProfilingMode.CONTINUOUS, Duration.ofSeconds(10), Duration.ofSeconds(10), null).problem())
			.contains("perfwatch.profiling.window");
	}

	@Test
	void anAllocationIntervalMustFitTheJvmsInt() {
		assertThat(properties(ProfilingMode.CONTINUOUS, null, null, DataSize.ofMegabytes(2047)).problem()).isNull();
		assertThat(properties(ProfilingMode.CONTINUOUS, null, null, DataSize.ofGigabytes(4)).problem())
			.contains("perfwatch.profiling.alloc-interval (4294967296 bytes)");
		assertThat(properties(ProfilingMode.CONTINUOUS, null, null, DataSize.ofBytes(0)).problem())
			.contains("perfwatch.profiling.alloc-interval");
	}

	@Test
	void anAllocationSampleRateMustBePositive() {
		ProfilingProperties none = new ProfilingProperties(true, ProfilingMode.CONTINUOUS, true, Path.of("profiles"), null,
				null, 60, Duration.ofHours(24), null, null, null, 0, null, null);
		assertThat(none.problem()).contains("perfwatch.profiling.alloc-samples-per-second (0)");
		ProfilingProperties one = new ProfilingProperties(true, ProfilingMode.CONTINUOUS, true, Path.of("profiles"), null,
				null, 60, Duration.ofHours(24), null, null, null, 1, null, null);
		assertThat(one.problem()).isNull();
		assertThat(one.schedule().allocSamplesPerSecond()).isEqualTo(1);
	}

	@Test
	void aCpuEngineMustBeOneAsyncProfilerHas() {
		ProfilingProperties perf = new ProfilingProperties(true, ProfilingMode.CONTINUOUS, true, Path.of("profiles"), null,
				null, 60, Duration.ofHours(24), null, null, null, null, null, "itimer");
		assertThat(perf.problem()).isNull();
		ProfilingProperties wrong = new ProfilingProperties(true, ProfilingMode.CONTINUOUS, true, Path.of("profiles"), null,
				null, 60, Duration.ofHours(24), null, null, null, null, null, "wall");
		assertThat(wrong.problem()).contains("perfwatch.profiling.cpu-engine (wall)");
	}

	private static ProfilingProperties properties(ProfilingMode mode, Duration period, Duration window,
			DataSize allocInterval) {
		return new ProfilingProperties(true, mode, true, Path.of("profiles"), period, window, 60, Duration.ofHours(24),
				null, null, allocInterval, null, null, null);
	}

}
