package dev.perfwatch.observability.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity of the running service.
 *
 * @param name the short name the recipe puts in every JSON answer, e.g. {@code frontend}
 */
@ConfigurationProperties("perfwatch.service")
public record ServiceProperties(String name) {

}
