package dev.perfwatch.observability.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PerfwatchDefaultsTests {

	@Test
	void suppliesDefaultsThatAnyOtherSourceOverrides() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("management.tracing.sampling.probability", "0.25")));
		new PerfwatchDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(environment.getProperty("management.tracing.export.zipkin.endpoint"))
			.isEqualTo("http://127.0.0.1:9411/api/v2/spans");
	}

	@Test
	void feedsTheIssueFacingZipkinPropertyIntoBootsOwn() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("env",
					Map.of("management.zipkin.tracing.endpoint", "http://127.0.0.1:19411/api/v2/spans")));
		new PerfwatchDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.export.zipkin.endpoint"))
			.isEqualTo("http://127.0.0.1:19411/api/v2/spans");
	}

}
