package dev.perfwatch.observability.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a caller's trace headers are read.
 *
 * @param honourInboundUnsampled {@code true} (the default) keeps a caller's "not sampled"
 * decision; {@code false} keeps the caller's trace and parent ids but lets our own sampler decide,
 * for platforms whose edge marks most requests unsampled (Cloud Run, see the gcp profile)
 */
@ConfigurationProperties("perfwatch.tracing")
public record InboundTracingProperties(@DefaultValue("true") boolean honourInboundUnsampled) {

}
