package dev.perfwatch.observability.gcp;

import com.google.auth.oauth2.IdTokenProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * What changes when a service runs on Google Cloud (the {@code gcp} profile): spans go to Cloud
 * Trace and downstream calls carry ID tokens. The property
 * defaults of the profile live in {@code perfwatch-defaults-gcp.properties}. It must come before
 * the Zipkin auto-configuration, whose sender and encoder back off for the Cloud Trace ones.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration" })
@Profile(CloudRunProfileActivation.PROFILE)
@EnableConfigurationProperties(CloudTraceProperties.class)
@Import(CloudTraceExport.class)
public class GcpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdTokenProvider idTokenProvider() {
		return new ApplicationDefaultIdTokenProvider();
	}

	@Bean
	ServiceToServiceAuthentication serviceToServiceAuthentication(IdTokenProvider idTokenProvider) {
		return new ServiceToServiceAuthentication(idTokenProvider);
	}

}
