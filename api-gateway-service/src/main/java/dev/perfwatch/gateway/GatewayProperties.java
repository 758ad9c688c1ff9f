package dev.perfwatch.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway's two downstream services live and how long it waits for each.
 *
 * @param authServiceUrl root URL of auth-service ({@code AUTH_SERVICE_URL})
 * @param authTimeout bound on the authentication call
 * @param dataServiceUrl root URL of data-service ({@code DATA_SERVICE_URL})
 * @param dataTimeout bound on the data call
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(String authServiceUrl, Duration authTimeout, String dataServiceUrl,
		Duration dataTimeout) {

}
