package dev.perfwatch.observability.profiling;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

@ExtendWith(OutputCaptureExtension.class)
class CpuSamplingTests {

	@Test
	void usesPerfEventsWhenAllowed(CapturedOutput output) throws IOException {
		assertThat(CpuSampling.choose((command) -> "OK", null)).isEqualTo("cpu");
		assertThat(output.getOut()).doesNotContain("refused");
	}

	@Test
	void fallsBackToACpuTimerAndSaysSoOnce(CapturedOutput output) throws IOException {
		NativeProfiler noPerfEvents = (command) -> {
			if (command.equals("check,event=cpu")) {
				throw new IllegalStateException("Perf events unavailable");
			}
			return "OK";
		};

		assertThat(CpuSampling.choose(noPerfEvents, null)).isEqualTo("ctimer");
		assertThat(output.getOut().lines().filter((line) -> line.contains("CPU sampling is refused here")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("cpu: Perf events unavailable")
			.contains("sampled with ctimer");
	}

	@Test
	void fallsBackToItimerWhenCtimerIsMissingToo() throws IOException {
		NativeProfiler onlyItimer = (command) -> command.equals("check,event=itimer") ? "OK" : "Unsupported event";

		assertThat(CpuSampling.choose(onlyItimer, null)).isEqualTo("itimer");
	}

	@Test
	void triesTheConfiguredEngineFirst(CapturedOutput output) throws IOException {
		assertThat(CpuSampling.choose((command) -> "OK", "itimer")).isEqualTo("itimer");
		assertThat(output.getOut()).doesNotContain("refused");
	}

	@Test
	void fallsBackFromTheConfiguredEngineInTheUsualOrder() throws IOException {
		NativeProfiler noItimer = (command) -> command.equals("check,event=itimer") ? "Unsupported event" : "OK";

		assertThat(CpuSampling.choose(noItimer, "itimer")).isEqualTo("cpu");
	}

	@Test
	void failsWhenNoEngineWorks() {
		assertThatIOException().isThrownBy(() -> CpuSampling.choose((command) -> "Unsupported", null))
			.withMessageContaining("no CPU sampling works here");
	}

}
