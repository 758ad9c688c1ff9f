package dev.perfwatch.data;

import dev.perfwatch.observability.image.ServiceImageContract;

/**
 * The image Jib builds for the data-service.
 */
class ContainerImageIT extends ServiceImageContract {

	ContainerImageIT() {
		super("data-service", 8083, DataApplication.class);
	}

}
