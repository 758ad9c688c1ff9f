package dev.perfwatch.observability.otlp;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pushes the profiler's windows to a Pyroscope-compatible backend when
 * {@code PERFWATCH_PROFILES_PUSH=on}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSwitch(name = "perfwatch.profiles.push.enabled")
@EnableConfigurationProperties(ProfilePushProperties.class)
class ProfilePush {

	@Bean
	ProfileWindowPusher profileWindowPusher(ProfilePushProperties properties, MeterRegistry meterRegistry) {
		return new ProfileWindowPusher(properties, new PyroscopeIngest(properties), meterRegistry, Clock.systemUTC());
	}

}
