package dev.perfwatch.observability.tracing;

import java.util.List;

import brave.propagation.B3Propagation;
import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import brave.propagation.TraceIdContext;
import brave.propagation.stackdriver.StackdriverTracePropagation;
import io.micrometer.tracing.brave.bridge.W3CPropagation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads a caller's trace from {@code traceparent}, then {@code b3} (single or multi header), then
 * Google's {@code x-cloud-trace-context}; writes only {@code traceparent}. Boot's properties cannot
 * name the Google header, hence this factory. A header that does not parse is skipped, so a
 * malformed one leads to a new trace rather than an error. A caller's "not sampled" flag is
 * honoured unless {@link InboundTracingProperties#honourInboundUnsampled()} says otherwise: then the
 * span joins the caller's trace and our sampler decides whether it is recorded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundTracingProperties.class)
public class InboundPropagation {

	@Bean
	Propagation.Factory inboundPropagationFactory(InboundTracingProperties properties) {
		return new Factory(new W3CPropagation(), List.of(new W3CPropagation(), B3Propagation.FACTORY,
				StackdriverTracePropagation.newFactory(B3Propagation.FACTORY)), properties.honourInboundUnsampled());
	}

	static final class Factory extends Propagation.Factory implements Propagation<String> {

		private final Propagation<String> injecting;

		private final List<Propagation<String>> extracting;

		private final boolean honourUnsampled;

		Factory(Propagation.Factory injecting, List<Propagation.Factory> extracting, boolean honourUnsampled) {
			this.injecting = injecting.get();
			this.extracting = extracting.stream().map(Propagation.Factory::get).toList();
			this.honourUnsampled = honourUnsampled;
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
						return (this.honourUnsampled || !Boolean.FALSE.equals(extracted.sampled())) ? extracted
								: undecided(extracted);
					}
				}
				return TraceContextOrSamplingFlags.EMPTY;
			};
		}

		/**
		 * The same trace and parent, with the sampling decision left to our sampler.
		 */
		private static TraceContextOrSamplingFlags undecided(TraceContextOrSamplingFlags extracted) {
			TraceContextOrSamplingFlags.Builder builder = (extracted.context() != null)
					? TraceContextOrSamplingFlags.newBuilder(extracted.context().toBuilder().sampled(null).build())
					: TraceContextOrSamplingFlags.newBuilder(undecided(extracted.traceIdContext()));
			extracted.extra().forEach(builder::addExtra);
			return builder.build();
		}

		private static TraceIdContext undecided(TraceIdContext traceId) {
			return traceId.toBuilder().sampled(null).build();
		}

	}

}
