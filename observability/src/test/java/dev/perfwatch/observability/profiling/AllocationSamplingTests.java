package dev.perfwatch.observability.profiling;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationSamplingTests {

	private static final DataSize DENSEST = DataSize.ofKilobytes(512);

	private final AtomicLong allocated = new AtomicLong();

	private final AtomicLong uptime = new AtomicLong();

	private final AllocationSampling sampling = new AllocationSampling(DENSEST, 150, this.allocated::get,
			this.uptime::get);

	@Test
	void aBusyServiceGetsTheIntervalThatKeepsItToTheRate() {
		at(60_000, 60_000_000_000L);
		assertThat(this.sampling.nextInterval()).isEqualTo(6_666_667);
	}

	@Test
	void aServiceThatAllocatesLittleKeepsTheDensestInterval() {
		at(60_000, 600_000_000L);
		assertThat(this.sampling.nextInterval()).isEqualTo(DENSEST.toBytes());
	}

	@Test
	void theRateIsTheOneSinceTheLastWindowNotSinceTheJvmStarted() {
		at(60_000, 60_000_000_000L);
		this.sampling.nextInterval();
		at(120_000, 60_000_000_000L + 6_000_000_000L);
		assertThat(this.sampling.nextInterval()).isEqualTo(666_667);
		at(180_000, 66_000_000_000L);
		assertThat(this.sampling.nextInterval()).isEqualTo(DENSEST.toBytes());
	}

	@Test
	void anUnknownAllocationCountKeepsTheDensestInterval() {
		at(60_000, -1);
		assertThat(this.sampling.nextInterval()).isEqualTo(DENSEST.toBytes());
		at(120_000, -1);
		assertThat(this.sampling.nextInterval()).isEqualTo(DENSEST.toBytes());
	}

	@Test
	void theIntervalFitsTheJvmsInt() {
		AllocationSampling oneASecond = new AllocationSampling(DENSEST, 1, this.allocated::get, this.uptime::get);
		at(1_000, 8_000_000_000L);
		assertThat(oneASecond.nextInterval()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void readsThisJvmsAllocations() {
		AllocationSampling jvm = AllocationSampling.ofThisJvm(DataSize.ofBytes(1), 1);
		assertThat(jvm.nextInterval()).isGreaterThan(1);
	}

	private void at(long uptimeMillis, long allocatedBytes) {
		this.uptime.set(uptimeMillis);
		this.allocated.set(allocatedBytes);
	}

}
