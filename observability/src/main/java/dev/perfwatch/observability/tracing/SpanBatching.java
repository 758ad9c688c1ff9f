package dev.perfwatch.observability.tracing;

import java.time.Duration;

import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts a {@link BatchedSpanHandler} in front of every Zipkin span exporter (Zipkin locally, Cloud
 * Trace through its Zipkin sender in {@code gcp}).
 */
final class SpanBatching implements BeanPostProcessor {

	// Spans reach the exporter this much later; it then waits up to its message timeout (1 s) anyway.
	private static final Duration INTERVAL = Duration.ofMillis(100);

	// The exporter's own queue holds up to 10,000 spans: a fuller batch would be dropped there.
	private static final int CAPACITY = 10_000;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AsyncZipkinSpanHandler exporter) {
			return new BatchedSpanHandler(exporter, INTERVAL, CAPACITY);
		}
		return bean;
	}

}
