package dev.perfwatch.loadgen.gate;

import org.junit.jupiter.api.Test;

import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.report.ReportFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateTests {

	private final Report report = ReportFixtures.report(20, 600, 1000, 15, 250);

	@Test
	void readsLatencyGatesInAnyTimeUnit() {
		assertThat(Gate.parse("p99>500ms")).extracting(Gate::metric, Gate::threshold).containsExactly("p99", 500.0);
		assertThat(Gate.parse("p99.9 > 1s")).extracting(Gate::metric, Gate::threshold).containsExactly("p999", 1000.0);
		assertThat(Gate.parse("mean>=250us")).extracting(Gate::metric, Gate::threshold).containsExactly("mean", 0.25);
		assertThat(Gate.parse("max<2")).extracting(Gate::metric, Gate::threshold).containsExactly("max", 2.0);
	}

	@Test
	void readsErrorGatesAsCountsOrPercentages() {
		assertThat(Gate.parse("errors>1%")).extracting(Gate::threshold, Gate::percent).containsExactly(1.0, true);
		assertThat(Gate.parse("errors>5")).extracting(Gate::threshold, Gate::percent).containsExactly(5.0, false);
	}

	@Test
	void failsWithAOneLineReasonWhenTheConditionHolds() {
		assertThat(Gate.parse("p99>500ms").check(this.report)).hasValue("gate 'p99>500ms' failed: p99 was 600 ms");
		assertThat(Gate.parse("errors>1%").check(this.report)).hasValue("gate 'errors>1%' failed: errors was 1.5%");
		assertThat(Gate.parse("rate<300").check(this.report)).isPresent();
	}

	@Test
	void passesWhenTheConditionDoesNotHold() {
		assertThat(Gate.parse("p99>700ms").check(this.report)).isEmpty();
		assertThat(Gate.parse("errors>2%").check(this.report)).isEmpty();
		assertThat(Gate.parse("errors>20").check(this.report)).isEmpty();
		assertThat(Gate.parse("late>0").check(this.report)).isEmpty();
		assertThat(Gate.parse("rate<100").check(this.report)).isEmpty();
	}

	@Test
	void rejectsWhatItCannotRead() {
		assertThatThrownBy(() -> Gate.parse("p99 is high")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("cannot read gate");
		assertThatThrownBy(() -> Gate.parse("p42>5ms")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("unknown metric");
		assertThatThrownBy(() -> Gate.parse("p99>5%")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("latency takes us, ms or s");
		assertThatThrownBy(() -> Gate.parse("errors>5ms")).isInstanceOf(BadInputException.class);
	}

}
