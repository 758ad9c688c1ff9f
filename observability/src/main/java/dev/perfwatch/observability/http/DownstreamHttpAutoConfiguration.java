package dev.perfwatch.observability.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link DownstreamClients}, which makes the traced, timed, deadline-bound client of each callee.
 */
@AutoConfiguration
@EnableConfigurationProperties(DownstreamProperties.class)
@Import(DownstreamClients.class)
public class DownstreamHttpAutoConfiguration {

}
