package dev.perfwatch.observability.gcp;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns the {@code gcp} profile on when the service runs on Cloud Run, which always sets
 * {@code K_SERVICE}. It runs before config data is read, so {@code application-gcp.properties}
 * and everything else keyed to the profile apply as if {@code spring.profiles.active} named it.
 */
public class CloudRunProfileActivation implements EnvironmentPostProcessor, Ordered {

	/** The profile for Google Cloud: Cloud Trace export, ID tokens, container defaults. */
	public static final String PROFILE = "gcp";

	static final String CLOUD_RUN_SERVICE = "K_SERVICE";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String service = environment.getProperty(CLOUD_RUN_SERVICE);
		if (service != null && !service.isBlank()) {
			environment.addActiveProfile(PROFILE);
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
