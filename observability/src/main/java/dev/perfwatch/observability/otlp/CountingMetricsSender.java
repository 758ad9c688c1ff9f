package dev.perfwatch.observability.otlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer's OTLP/HTTP metrics sender, counting the batches a backend did not take
 * ({@code perfwatch.otlp.metrics.dropped}): Micrometer itself only logs them. The meter registry
 * is looked up at the first failure, not at construction, because the OTLP registry that uses
 * this sender is one of the registries being built then.
 */
final class CountingMetricsSender implements OtlpMetricsSender {

	private final OtlpMetricsSender delegate;

	private final ObjectProvider<MeterRegistry> meterRegistry;

	private volatile Counter dropped;

	CountingMetricsSender(OtlpMetricsSender delegate, ObjectProvider<MeterRegistry> meterRegistry) {
		this.delegate = delegate;
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void send(Request request) throws Exception {
		try {
			this.delegate.send(request);
		}
		catch (Exception ex) {
			dropped().increment();
			throw ex;
		}
	}

	private Counter dropped() {
		Counter counter = this.dropped;
		if (counter == null) {
			counter = Counter.builder("perfwatch.otlp.metrics.dropped")
				.description("Batches of metrics the OTLP backend did not accept, or that did not reach it")
				.baseUnit("batches")
				.register(this.meterRegistry.getObject());
			this.dropped = counter;
		}
		return counter;
	}

}
