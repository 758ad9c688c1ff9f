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
 */
public class PerfwatchDefaults implements EnvironmentPostProcessor {

	static final String DEFAULTS = "perfwatch-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new PropertiesPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

}
