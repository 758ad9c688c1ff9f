package dev.perfwatch.observability.otlp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import brave.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import zipkin2.reporter.metrics.micrometer.MicrometerReporterMetrics;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.otel.brave.OtlpProtoV1Encoder;

import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryProperties;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryResourceAttributes;
import org.springframework.core.env.Environment;

/**
 * Builds the OTLP span handlers: encoder with the service's resource attributes, HTTP sender,
 * bounded asynchronous reporter and its Micrometer counters
 * ({@code zipkin.reporter.spans.dropped}, {@code zipkin.reporter.messages.dropped} and the queue
 * gauges), tagged {@code transport} to tell exports apart.
 */
final class OtlpSpanHandlers {

	private final Environment environment;

	private final OpenTelemetryProperties openTelemetry;

	private final MeterRegistry meterRegistry;

	private final OtlpTracesProperties properties;

	OtlpSpanHandlers(Environment environment, OpenTelemetryProperties openTelemetry, MeterRegistry meterRegistry,
			OtlpTracesProperties properties) {
		this.environment = environment;
		this.openTelemetry = openTelemetry;
		this.meterRegistry = meterRegistry;
		this.properties = properties;
	}

	OtlpSpanHandler create(String transport, OtlpTracesTarget target, RequestHeaders requestHeaders,
			Duration connectTimeout, Duration timeout) {
		OtlpHttpSender sender = new OtlpHttpSender(target, requestHeaders, connectTimeout, timeout);
		AsyncZipkinSpanHandler reporter = AsyncZipkinSpanHandler.newBuilder(sender)
			.queuedMaxBytes(this.properties.queuedMaxBytes())
			.messageTimeout(this.properties.messageTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
			.metrics(MicrometerReporterMetrics.builder(this.meterRegistry)
				.extraTags(Tag.of("transport", transport))
				.build())
			.build(OtlpProtoV1Encoder.newBuilder().errorTag(Tags.ERROR).resourceAttributes(resourceAttributes()).build());
		return new OtlpSpanHandler(reporter, transport + " -> " + target.endpoint());
	}

	/**
	 * Boot's own resolution, shared with its OTLP metrics: {@code OTEL_RESOURCE_ATTRIBUTES},
	 * {@code OTEL_SERVICE_NAME}, {@code management.opentelemetry.resource-attributes.*} and
	 * {@code spring.application.name} as {@code service.name}.
	 */
	Map<String, String> resourceAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		new OpenTelemetryResourceAttributes(this.environment, this.openTelemetry.getResourceAttributes())
			.applyTo(attributes::put);
		return attributes;
	}

}
