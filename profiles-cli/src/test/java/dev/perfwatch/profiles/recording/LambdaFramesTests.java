package dev.perfwatch.profiles.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One lambda, one frame name, whichever JVM ran it. */
class LambdaFramesTests {

	@Test
	void theJvmsAddressAndNumberOfALambdaClassAreDropped() {
		assertThat(JoinedSamples.withoutLambdaAddress("dev.perfwatch.data.DataController$$Lambda$1697.0x00007f28206cbdc0.accept"))
			.isEqualTo("dev.perfwatch.data.DataController$$Lambda.accept");
		assertThat(JoinedSamples.withoutLambdaAddress("dev.perfwatch.data.DataController$$Lambda/0x000001c4a1234.get"))
			.isEqualTo("dev.perfwatch.data.DataController$$Lambda.get");
		assertThat(JoinedSamples.withoutLambdaAddress("dev.perfwatch.data.DataController$$Lambda$1697/0x0000000800c0b848.run"))
			.isEqualTo("dev.perfwatch.data.DataController$$Lambda.run");
	}

	@Test
	void otherFramesAreLeftAlone() {
		assertThat(JoinedSamples.withoutLambdaAddress("dev.perfwatch.data.DataController.lambda$runProcessing$2"))
			.isEqualTo("dev.perfwatch.data.DataController.lambda$runProcessing$2");
		assertThat(JoinedSamples.withoutLambdaAddress("java.lang.Thread.run")).isEqualTo("java.lang.Thread.run");
	}

}
