package dev.perfwatch.observability.logging;

import brave.baggage.BaggageFields;
import brave.baggage.CorrelationScopeConfig.SingleCorrelationField;
import brave.context.slf4j.MDCScopeDecorator;
import brave.propagation.CurrentTraceContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Log lines that name their trace. The current trace id, span id and sampling decision go into the
 * logging MDC: readable lines locally ({@code logging.pattern.correlation}), Cloud Logging's trace
 * fields in the gcp profile ({@link CloudLoggingFormatter}). Boot only does this with baggage on,
 * which perfwatch turns off to own the propagation (InboundPropagation). Slow or failed requests
 * log one line each ({@link SlowRequestLog}), so every service has log entries joined to traces.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(MDCScopeDecorator.class)
@EnableConfigurationProperties(RequestLogProperties.class)
public class LoggingAutoConfiguration {

	/** MDC key of the trace id, the name Boot's correlation pattern reads. */
	static final String TRACE_ID = BaggageFields.TRACE_ID.name();

	/** MDC key of the span id, the name Boot's correlation pattern reads. */
	static final String SPAN_ID = BaggageFields.SPAN_ID.name();

	/** MDC key of the sampling decision: "true", "false", or absent when not yet decided. */
	static final String SAMPLED = BaggageFields.SAMPLED.name();

	@Bean
	CurrentTraceContext.ScopeDecorator logCorrelationScopeDecorator() {
		return MDCScopeDecorator.newBuilder()
			.clear()
			.add(SingleCorrelationField.create(BaggageFields.TRACE_ID))
			.add(SingleCorrelationField.create(BaggageFields.SPAN_ID))
			.add(SingleCorrelationField.create(BaggageFields.SAMPLED))
			.build();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SlowRequestLog slowRequestLog(RequestLogProperties properties) {
		return new SlowRequestLog(properties.slowerThan());
	}

}
