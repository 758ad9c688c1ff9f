package dev.perfwatch.observability.profiling;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HandlerCostsTests {

	private static final List<String> STACKS = List.of(
			"Thread.run;Controller.handle;Work.heavy;Math.random_[j] 6",
			"Thread.run;Controller.handle;Work.heavy 2",
			"Thread.run;Controller.handle;Client.get;Socket.connect 2",
			"Thread.run;TestClient.send;Work.heavy 30",
			"Thread.run;Controller.handle;Work.heavy;Work.heavy_[i] 2");

	@Test
	void sharesCountOnlyStacksThroughTheHandlerAndEachFrameOncePerStack() {
		HandlerCosts costs = HandlerCosts.of(STACKS, "Controller.handle");

		assertThat(costs.shareOf("Work.heavy")).isEqualTo(10.0 / 12);
		assertThat(costs.shareOf("Math.random")).isEqualTo(6.0 / 12);
		assertThat(costs.shareOf("Controller.handle")).isEqualTo(1.0);
	}

	@Test
	void ranksTheHandlersDirectCalleesLargestFirst() {
		HandlerCosts costs = HandlerCosts.of(STACKS, "Controller.handle");

		assertThat(costs.calleesByShare()).containsExactly(
				entry("Work.heavy", 10.0 / 12),
				entry("Client.get", 2.0 / 12));
	}

	@Test
	void aHandlerWithoutSamplesHasNoShares() {
		HandlerCosts costs = HandlerCosts.of(STACKS, "Other.handle");

		assertThat(costs.shareOf("Work.heavy")).isZero();
		assertThat(costs.calleesByShare()).isEmpty();
	}

}
