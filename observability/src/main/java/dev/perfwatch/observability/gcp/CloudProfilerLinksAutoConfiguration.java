package dev.perfwatch.observability.gcp;

import brave.handler.SpanHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * On Cloud Run, local root spans name the Cloud Profiler profiles of their moment
 * ({@link CloudProfilerLinks}). The service and version are those the image's launcher gives the
 * agent: the Cloud Run service and revision ({@code K_SERVICE}, {@code K_REVISION}).
 */
@AutoConfiguration
@Profile(CloudRunProfileActivation.PROFILE)
public class CloudProfilerLinksAutoConfiguration {

	/**
	 * First among the span handlers, so the tags reach Cloud Trace.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SpanHandler cloudProfilerLinks(Environment environment) {
		String service = environment.getProperty("K_SERVICE",
				environment.getProperty("spring.application.name", "application"));
		String version = environment.getProperty("K_REVISION", "unknown");
		return new CloudProfilerLinks(service, version, environment.getProperty("GOOGLE_CLOUD_PROJECT", ""));
	}

}
