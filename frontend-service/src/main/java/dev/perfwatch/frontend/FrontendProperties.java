package dev.perfwatch.frontend;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the frontend.
 *
 * @param apiServiceUrl root URL of the API gateway ({@code API_SERVICE_URL})
 * @param apiTimeout how long to wait for the gateway's answer
 * @param iterations rounds of the CPU-heavy loop per request (the recipe's 100,000)
 */
@ConfigurationProperties("frontend")
public record FrontendProperties(String apiServiceUrl, Duration apiTimeout, int iterations) {

}
