package dev.perfwatch.observability.tracing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * How a service reads a caller's trace headers and writes its own ({@link InboundPropagation}),
 * and how its finished spans reach the exporter ({@link SpanBatching}). Before Brave's
 * auto-configuration, whose propagation factory backs off for this one.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@Import(InboundPropagation.class)
public class TracingAutoConfiguration {

	@Bean
	static SpanBatching spanBatching() {
		return new SpanBatching();
	}

}
