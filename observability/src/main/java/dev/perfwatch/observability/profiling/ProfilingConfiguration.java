package dev.perfwatch.observability.profiling;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The local continuous profiler, in every service. Not in the {@code gcp} profile: there the
 * Cloud Profiler agent samples the same JVM, and two profilers would fight over the same signals.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!gcp")
@EnableConfigurationProperties(ProfilingProperties.class)
public class ProfilingConfiguration {

	@Bean
	ContinuousProfiler continuousProfiler(ProfilingProperties properties, Environment environment) {
		String service = environment.getProperty("spring.application.name", "application");
		return new ContinuousProfiler(properties, service, new AsyncProfilerLibrary(properties.nativeLibrary()),
				Clock.systemUTC());
	}

}
