package dev.perfwatch.observability.tracing;

import java.util.List;

import brave.propagation.B3Propagation;
import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import brave.propagation.stackdriver.StackdriverTracePropagation;
import io.micrometer.tracing.brave.bridge.W3CPropagation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads a caller's trace from {@code traceparent}, then {@code b3} (single or multi header), then
 * Google's {@code x-cloud-trace-context}; writes only {@code traceparent}. Boot's properties cannot
 * name the Google header, hence this factory. A header that does not parse is skipped, so a
 * malformed one leads to a new trace rather than an error.
 */
@Configuration(proxyBeanMethods = false)
public class InboundPropagation {

	@Bean
	Propagation.Factory inboundPropagationFactory() {
		return new Factory(new W3CPropagation(), List.of(new W3CPropagation(), B3Propagation.FACTORY,
				StackdriverTracePropagation.newFactory(B3Propagation.FACTORY)));
	}

	static final class Factory extends Propagation.Factory implements Propagation<String> {

		private final Propagation<String> injecting;

		private final List<Propagation<String>> extracting;

		Factory(Propagation.Factory injecting, List<Propagation.Factory> extracting) {
			this.injecting = injecting.get();
			this.extracting = extracting.stream().map(Propagation.Factory::get).toList();
		}

		@Override
		public Propagation<String> get() {
			return this;
		}

		@Override
		public boolean requires128BitTraceId() {
			return true;
		}

		@Override
		public List<String> keys() {
			return this.injecting.keys();
		}

		@Override
		public <R> TraceContext.Injector<R> injector(Setter<R, String> setter) {
			return this.injecting.injector(setter);
		}

		@Override
		public <R> TraceContext.Extractor<R> extractor(Getter<R, String> getter) {
			List<TraceContext.Extractor<R>> extractors = this.extracting.stream()
				.map((propagation) -> propagation.extractor(getter))
				.toList();
			return (request) -> {
				for (TraceContext.Extractor<R> extractor : extractors) {
					TraceContextOrSamplingFlags extracted = extractor.extract(request);
					if (extracted.context() != null || extracted.traceIdContext() != null) {
						return extracted;
					}
				}
				return TraceContextOrSamplingFlags.EMPTY;
			};
		}

	}

}
