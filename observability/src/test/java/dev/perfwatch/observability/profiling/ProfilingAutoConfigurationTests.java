package dev.perfwatch.observability.profiling;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilingAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProfilingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=some-service", "perfwatch.profiling.enabled=on",
				"perfwatch.profiling.dir=build-profiles");

	@Test
	void bindsOnAndOffAsTheSwitch() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(ContinuousProfiler.class);
			assertThat(context.getBean(ProfilingProperties.class).enabled()).isTrue();
		});
		this.contexts.withPropertyValues("perfwatch.profiling.enabled=off")
			.run((context) -> assertThat(context.getBean(ProfilingProperties.class).enabled()).isFalse());
	}

	@Test
	void leavesProfilingToCloudProfilerInTheGcpProfile() {
		this.contexts.withInitializer((context) -> context.getEnvironment().setActiveProfiles("gcp"))
			.run((context) -> assertThat(context).doesNotHaveBean(ContinuousProfiler.class));
	}

}
