package dev.perfwatch.observability.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The recipe's {@code GET /health} ({@link HealthController}) and JSON errors, whoever answers:
 * Spring ({@link JsonErrorHandler}), the error page ({@link JsonErrorController}) or Tomcat
 * itself ({@link TomcatJsonErrors}). Before Boot's {@code ErrorMvcAutoConfiguration}, so that
 * {@link JsonErrorController} replaces its {@code BasicErrorController}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties(ServiceProperties.class)
@Import({ HealthController.class, JsonErrorHandler.class, TomcatJsonErrors.class, JsonErrorController.class })
public class WebConventionsAutoConfiguration {

}
