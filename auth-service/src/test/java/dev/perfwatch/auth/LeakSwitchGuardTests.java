package dev.perfwatch.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class LeakSwitchGuardTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SessionSettings.class)
		.withPropertyValues("auth.sessions.max-sessions=50", "auth.sessions.evict-count=25");

	@Test
	void refusesTheLeakSwitchInTheGcpProfile() {
		this.runner.withPropertyValues("spring.profiles.active=gcp", "auth.sessions.eviction-enabled=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("auth.sessions.eviction-enabled=false"));
	}

	@Test
	void startsInTheGcpProfileWithEvictionOn() {
		this.runner.withPropertyValues("spring.profiles.active=gcp", "auth.sessions.eviction-enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(LeakSwitchGuard.class));
	}

	@Test
	void allowsTheLeakSwitchLocally() {
		this.runner.withPropertyValues("auth.sessions.eviction-enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LeakSwitchGuard.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SessionProperties.class)
	@Import(LeakSwitchGuard.class)
	static class SessionSettings {

	}

}
