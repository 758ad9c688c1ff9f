package dev.perfwatch.observability.otlp;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot's own OTLP tracing properties. Boot reads them only with its OpenTelemetry tracing
 * bridge, which perfwatch does not use (it keeps Brave); they are honoured here so that Boot's
 * documentation applies to perfwatch as written.
 *
 * @param endpoint full URL of the OTLP/HTTP traces endpoint, {@code .../v1/traces}
 * @param headers headers of every export request, for example an API key
 * @param timeout longest an export request may take
 * @param connectTimeout longest connecting may take
 */
@ConfigurationProperties("management.opentelemetry.tracing.export.otlp")
public record BootOtlpTracingProperties(String endpoint, Map<String, String> headers, Duration timeout,
		Duration connectTimeout) {

	public BootOtlpTracingProperties {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
	}

}
