package dev.perfwatch.observability.otlp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether and how perfwatch sends its spans over OTLP. Where they go is
 * {@link OtlpTracesTarget}'s business: the standard {@code OTEL_EXPORTER_OTLP_*} variables or
 * Spring Boot's {@code management.opentelemetry.tracing.export.otlp.*} properties.
 *
 * @param enabled send spans over OTLP, beside whatever Zipkin export is on
 * @param queuedMaxBytes memory the queue of unsent spans may take; spans beyond it are dropped
 * and counted, never waited for
 * @param messageTimeout longest a span waits in the queue before its batch is sent
 */
@ConfigurationProperties("perfwatch.otlp.traces")
public record OtlpTracesProperties(boolean enabled, int queuedMaxBytes, Duration messageTimeout) {

}
