package dev.perfwatch.loadgen.gate;

import org.junit.jupiter.api.Test;

import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.report.ReportFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineComparisonTests {

	private final BaselineComparison comparison = new BaselineComparison(0.10, 1.0, 0.5);

	private final Report baseline = ReportFixtures.report(20, 100, 1000, 0, 500);

	@Test
	void latencyGrownBeyondTheToleranceIsARegression() {
		BaselineComparison.Result result = this.comparison.compare(this.baseline,
				ReportFixtures.report(20, 130, 1000, 0, 500));

		assertThat(result.regressed()).isTrue();
		assertThat(result.regressions()).contains("p99 ms 100 -> 130")
			.noneMatch((regression) -> regression.startsWith("p50") || regression.startsWith("mean"));
	}

	@Test
	void latencyWithinTheToleranceIsNot() {
		BaselineComparison.Result result = this.comparison.compare(this.baseline,
				ReportFixtures.report(21, 109, 1000, 0, 480));

		assertThat(result.regressed()).isFalse();
	}

	@Test
	void changesBelowTheAbsoluteFloorAreNoise() {
		Report fast = ReportFixtures.report(0.2, 0.5, 1000, 0, 500);
		Report twiceAsSlowButStillFast = ReportFixtures.report(0.4, 1.0, 1000, 0, 500);

		assertThat(this.comparison.compare(fast, twiceAsSlowButStillFast).regressed()).isFalse();
	}

	@Test
	void moreErrorsThanTheErrorToleranceIsARegression() {
		BaselineComparison.Result result = this.comparison.compare(this.baseline,
				ReportFixtures.report(20, 100, 1000, 10, 500));

		assertThat(result.regressions()).containsExactly("errors % 0 -> 1");
	}

	@Test
	void aClosedLoopThatGotSlowerRegresses() {
		BaselineComparison.Result result = this.comparison.compare(this.baseline,
				ReportFixtures.report(20, 100, 1000, 0, 400));

		assertThat(result.regressions()).containsExactly("achieved req/s 500 -> 400");
	}

	@Test
	void improvementsAreMarkedBetter() {
		BaselineComparison.Result result = this.comparison.compare(this.baseline,
				ReportFixtures.report(10, 50, 1000, 0, 600));

		assertThat(result.regressed()).isFalse();
		assertThat(result.rows()).filteredOn((row) -> row.metric().equals("p99 ms"))
			.extracting(BaselineComparison.Row::verdict)
			.containsExactly("better");
	}

}
