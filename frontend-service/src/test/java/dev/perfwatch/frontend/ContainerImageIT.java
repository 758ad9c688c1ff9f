package dev.perfwatch.frontend;

import dev.perfwatch.observability.image.ServiceImageContract;

/**
 * The image Jib builds for the frontend-service.
 */
class ContainerImageIT extends ServiceImageContract {

	ContainerImageIT() {
		super("frontend-service", 8080, FrontendApplication.class);
	}

}
