package dev.perfwatch.observability.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code perfwatch-defaults.properties} as the lowest-precedence property source, so the
 * four services share one set of observability defaults that each can still override.
 * A {@code spring.config.import} would not do: imported files win over the importing one.
 * With the {@code gcp} profile active, {@code perfwatch-defaults-gcp.properties} goes just above
 * them: it changes the defaults for the cloud, and a service's own settings still win. This runs
 * after config data, so the profile may come from any source, Cloud Run detection included.
 */
public class PerfwatchDefaults implements EnvironmentPostProcessor {

	static final String DEFAULTS = "perfwatch-defaults.properties";

	static final String GCP_PROFILE = "gcp";

	static final String GCP_DEFAULTS = "perfwatch-defaults-gcp.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.matchesProfiles(GCP_PROFILE)) {
			addLast(environment, GCP_DEFAULTS);
		}
		addLast(environment, DEFAULTS);
	}

	private static void addLast(ConfigurableEnvironment environment, String resource) {
		try {
			new PropertiesPropertySourceLoader().load(resource, new ClassPathResource(resource))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
