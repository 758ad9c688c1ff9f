package dev.perfwatch.observability.tracing;

import java.time.Duration;
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
 * Reads a caller's trace from the first header of {@link InboundTracingProperties#inboundFormats()}
 * that parses: by default {@code traceparent}, then {@code b3} (single or multi header), then
 * Google's {@code x-cloud-trace-context}. Writes both {@code traceparent} and single-header
 * {@code b3}: Cloud Run's front end replaces the parent id of every {@code traceparent} it forwards
 * with a span of its own, often unrecorded, and leaves {@code b3} alone, so the gcp profile reads
 * {@code b3} first to keep the caller's span as the parent. Boot's properties cannot name the
 * Google header, hence this factory. A header that does not parse is skipped, so a
 * malformed one, or one that makes its extractor throw ({@link LenientExtractor}), leads to a new
 * trace rather than an error. A caller's "not sampled" flag is
 * honoured unless {@link InboundTracingProperties#honourInboundUnsampled()} says otherwise: then the
 * span joins the caller's trace and our sampler decides whether it is recorded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundTracingProperties.class)
public class InboundPropagation {

	@Bean
	Propagation.Factory inboundPropagationFactory(InboundTracingProperties properties) {
		List<Propagation.Factory> extracting = properties.inboundFormats().stream().map(InboundPropagation::factory).toList();
		return new Factory(List.of(new W3CPropagation(),
				B3Propagation.newFactoryBuilder().injectFormat(B3Propagation.Format.SINGLE).build()), extracting,
				properties.honourInboundUnsampled());
	}

	private static Propagation.Factory factory(InboundTracingProperties.Format format) {
		return switch (format) {
			case W3C -> new W3CPropagation();
			case B3 -> B3Propagation.FACTORY;
			case CLOUD_TRACE -> StackdriverTracePropagation.newFactory(B3Propagation.FACTORY);
		};
	}

	static final class Factory extends Propagation.Factory implements Propagation<String> {

		private final List<Propagation<String>> injecting;

		private final List<Propagation<String>> extracting;

		private final boolean honourUnsampled;

		private final MalformedHeaderWarning malformed = new MalformedHeaderWarning(Duration.ofMinutes(1));

		Factory(List<Propagation.Factory> injecting, List<Propagation.Factory> extracting, boolean honourUnsampled) {
			this.injecting = injecting.stream().map(Propagation.Factory::get).toList();
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
			return this.injecting.stream().flatMap((propagation) -> propagation.keys().stream()).distinct().toList();
		}

		@Override
		public <R> TraceContext.Injector<R> injector(Setter<R, String> setter) {
			List<TraceContext.Injector<R>> injectors = this.injecting.stream()
				.map((propagation) -> propagation.injector(setter))
				.toList();
			return (context, request) -> injectors.forEach((injector) -> injector.inject(context, request));
		}

		@Override
		public <R> TraceContext.Extractor<R> extractor(Getter<R, String> getter) {
			List<TraceContext.Extractor<R>> extractors = this.extracting.stream()
				.<TraceContext.Extractor<R>>map((propagation) -> new LenientExtractor<>(propagation.extractor(getter), this.malformed))
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
