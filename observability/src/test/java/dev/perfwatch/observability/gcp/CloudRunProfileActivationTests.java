package dev.perfwatch.observability.gcp;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gcp profile comes on by itself on Cloud Run, and brings the cloud's defaults with it.
 */
class CloudRunProfileActivationTests {

	@Test
	void activatesTheGcpProfileWhenCloudRunSetsKService() {
		try (ConfigurableApplicationContext context = start("--K_SERVICE=frontend-service")) {
			assertThat(context.getEnvironment().getActiveProfiles()).contains("gcp");
		}
	}

	@Test
	void leavesProfilesAloneOutsideCloudRun() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("gcp");
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void gcpDefaultsBindAllInterfacesAndTurnTheLocalProfilerOff() {
		try (ConfigurableApplicationContext context = start("--K_SERVICE=frontend-service",
				"--GOOGLE_CLOUD_PROJECT=perfwatch-test")) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
			assertThat(environment.getProperty("perfwatch.profiling.enabled")).isEqualTo("false");
			assertThat(environment.getProperty("perfwatch.gcp.trace.project-id")).isEqualTo("perfwatch-test");
			assertThat(environment.getProperty("perfwatch.tracing.honour-inbound-unsampled")).isEqualTo("false");
			assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("false");
		}
	}

	@Test
	void gcpDefaultsGiveWayToExplicitSettings() {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=gcp",
				"--BIND_ADDRESS=127.0.0.2", "--perfwatch.profiling.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.2");
			assertThat(context.getEnvironment().getProperty("perfwatch.profiling.enabled")).isEqualTo("true");
		}
	}

	/**
	 * Only the environment post-processors run: no auto-configuration, no server.
	 */
	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args);
	}

	@SpringBootConfiguration
	static class Empty {

	}

}
