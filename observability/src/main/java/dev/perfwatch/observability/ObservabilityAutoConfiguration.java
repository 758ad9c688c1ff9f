package dev.perfwatch.observability;

import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.profiling.ProfilingConfiguration;
import dev.perfwatch.observability.tracing.InboundPropagation;
import dev.perfwatch.observability.web.HealthController;
import dev.perfwatch.observability.web.JsonErrorHandler;
import dev.perfwatch.observability.web.ServiceProperties;
import dev.perfwatch.observability.web.TomcatJsonErrors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Everything a perfwatch service needs besides its own logic: trace propagation, the shared
 * {@code /health} endpoint, JSON errors, timed HTTP clients for downstream calls and the continuous profiler.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@EnableConfigurationProperties(ServiceProperties.class)
@Import({ InboundPropagation.class, HealthController.class, JsonErrorHandler.class, DownstreamClients.class,
		ProfilingConfiguration.class, TomcatJsonErrors.class })
public class ObservabilityAutoConfiguration {

}
