package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.auth.oauth2.GoogleCredentials;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code gcp} profile, with {@code perfwatch.gcp.trace.zipkin-gcp=false}: spans go to
 * Google's OTLP endpoint ({@code https://telemetry.googleapis.com/v1/traces}) instead of through
 * zipkin-gcp's gRPC Cloud Trace sender, with a bearer token from Application Default Credentials
 * scoped to {@code trace.append}, the scope {@code roles/cloudtrace.agent} already serves.
 */
@Configuration(proxyBeanMethods = false)
@Profile("gcp")
@ConditionalOnSwitch(name = "perfwatch.gcp.trace.zipkin-gcp", havingValue = false)
class GoogleOtlpTraceExport {

	static final String TRACE_APPEND_SCOPE = "https://www.googleapis.com/auth/trace.append";

	@Bean
	OtlpSpanHandler googleOtlpSpanHandler(OtlpSpanHandlers handlers, GoogleCloudCredentials credentials,
			@Value("${perfwatch.gcp.trace.otlp-endpoint}") URI endpoint) {
		return handlers.create("otlp-google", new OtlpTracesTarget(endpoint, Map.of()),
				() -> authorization(credentials.get(), endpoint), Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	@Bean
	@ConditionalOnMissingBean
	GoogleCloudCredentials googleCloudCredentials() {
		return new ApplicationDefaultCredentials(List.of(TRACE_APPEND_SCOPE));
	}

	/**
	 * The credentials' own request metadata: {@code Authorization: Bearer ...}, refreshed by the
	 * library before it expires, plus {@code x-goog-user-project} where the credentials name one.
	 */
	private static Map<String, String> authorization(GoogleCredentials credentials, URI endpoint) throws IOException {
		return credentials.getRequestMetadata(endpoint)
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().isEmpty())
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().get(0)));
	}

}
