package dev.perfwatch.observability.tracing;

import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;

/**
 * An extractor that treats a header it cannot parse as absent. Some extractors throw on input they
 * do not expect (brave-propagation-stackdriver's {@code parseUnsignedLong} throws a
 * {@link NumberFormatException} for a span id past 2^64), and an exception here would fail the
 * request before any of our code runs: a 500 any client can provoke.
 */
final class LenientExtractor<R> implements TraceContext.Extractor<R> {

	private final TraceContext.Extractor<R> delegate;

	private final MalformedHeaderWarning warning;

	LenientExtractor(TraceContext.Extractor<R> delegate, MalformedHeaderWarning warning) {
		this.delegate = delegate;
		this.warning = warning;
	}

	@Override
	public TraceContextOrSamplingFlags extract(R request) {
		try {
			return this.delegate.extract(request);
		}
		catch (RuntimeException ex) {
			this.warning.ignored(ex);
			return TraceContextOrSamplingFlags.EMPTY;
		}
	}

}
