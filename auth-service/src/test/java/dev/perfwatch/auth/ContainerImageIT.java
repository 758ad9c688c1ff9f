package dev.perfwatch.auth;

import dev.perfwatch.observability.image.ServiceImageContract;

/**
 * The image Jib builds for the auth-service.
 */
class ContainerImageIT extends ServiceImageContract {

	ContainerImageIT() {
		super("auth-service", 8082, AuthApplication.class);
	}

}
