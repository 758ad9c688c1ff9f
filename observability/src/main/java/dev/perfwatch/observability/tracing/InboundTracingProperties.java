package dev.perfwatch.observability.tracing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a caller's trace headers are read.
 *
 * @param honourInboundUnsampled {@code true} (the default) keeps a caller's "not sampled"
 * decision; {@code false} keeps the caller's trace and parent ids but lets our own sampler decide,
 * for platforms whose edge marks most requests unsampled (Cloud Run, see the gcp profile)
 * @param inboundFormats the headers to read, first match wins; the gcp profile puts {@code b3}
 * first because Cloud Run rewrites the parent id of {@code traceparent}
 */
@ConfigurationProperties("perfwatch.tracing")
public record InboundTracingProperties(@DefaultValue("true") boolean honourInboundUnsampled,
		@DefaultValue({ "w3c", "b3", "cloud-trace" }) List<Format> inboundFormats) {

	@ConstructorBinding
	public InboundTracingProperties {
	}

	/**
	 * The default header order, {@code traceparent} first.
	 */
	public InboundTracingProperties(boolean honourInboundUnsampled) {
		this(honourInboundUnsampled, List.of(Format.W3C, Format.B3, Format.CLOUD_TRACE));
	}

	/**
	 * A trace header perfwatch reads.
	 */
	public enum Format {

		/** W3C {@code traceparent}. */
		W3C,

		/** Zipkin's {@code b3}, single or multi header. */
		B3,

		/** Google's {@code x-cloud-trace-context}. */
		CLOUD_TRACE

	}

}
