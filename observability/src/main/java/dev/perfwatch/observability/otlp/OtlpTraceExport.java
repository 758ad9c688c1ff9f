package dev.perfwatch.observability.otlp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spans over OTLP to the endpoint the standard variables or Boot's properties name, beside
 * Zipkin (or instead, with {@code management.tracing.export.zipkin.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSwitch(name = "perfwatch.otlp.traces.enabled")
class OtlpTraceExport {

	@Bean
	OtlpSpanHandler otlpSpanHandler(OtlpSpanHandlers handlers, BootOtlpTracingProperties boot,
			Environment environment) {
		return handlers.create("otlp", OtlpTracesTarget.resolve(boot, environment), RequestHeaders.NONE,
				boot.connectTimeout(), boot.timeout());
	}

}
