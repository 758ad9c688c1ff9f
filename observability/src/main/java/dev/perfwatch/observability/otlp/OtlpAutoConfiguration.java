package dev.perfwatch.observability.otlp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMetricsSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * OTLP export of traces (here), metrics (Boot's OTLP registry, switched on in
 * {@code perfwatch-defaults.properties}) and profiles. Everything is off by default; docs/otlp.md
 * says how to point it at a vendor.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration")
@EnableConfigurationProperties({ OtlpTracesProperties.class, BootOtlpTracingProperties.class,
		OpenTelemetryProperties.class })
@Import({ OtlpTraceExport.class, GoogleOtlpTraceExport.class, ProfilePush.class })
public class OtlpAutoConfiguration {

	/**
	 * Used by Boot's OTLP registry in place of the sender it would build, with the same transport
	 * and timeouts; present only when Boot's OTLP metrics export is on.
	 */
	@Bean
	@ConditionalOnBean(OtlpConfig.class)
	OtlpMetricsSender countingOtlpMetricsSender(OtlpConfig config, ObjectProvider<MeterRegistry> meterRegistry) {
		return new CountingMetricsSender(
				new OtlpHttpMetricsSender(new HttpUrlConnectionSender(config.connectTimeout(), config.readTimeout())),
				meterRegistry);
	}

	@Bean
	OtlpSpanHandlers otlpSpanHandlers(Environment environment, OpenTelemetryProperties openTelemetry,
			MeterRegistry meterRegistry, OtlpTracesProperties properties) {
		return new OtlpSpanHandlers(environment, openTelemetry, meterRegistry, properties);
	}

}
