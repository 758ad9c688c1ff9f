package dev.perfwatch.gateway;

import dev.perfwatch.observability.image.ServiceImageContract;

/**
 * The image Jib builds for the api-gateway-service.
 */
class ContainerImageIT extends ServiceImageContract {

	ContainerImageIT() {
		super("api-gateway-service", 8081, GatewayApplication.class);
	}

}
