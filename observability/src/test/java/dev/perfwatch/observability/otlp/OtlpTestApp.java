package dev.perfwatch.observability.otlp;

import java.time.Duration;

import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /work} opens a custom span and calls {@code GET /leaf} of itself, so one request
 * gives server, custom, client and downstream server spans.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OtlpTestApp {

	@RestController
	static class WorkController {

		private final ObservationRegistry registry;

		private final DownstreamClients clients;

		private final Environment environment;

		WorkController(ObservationRegistry registry, DownstreamClients clients, Environment environment) {
			this.registry = registry;
			this.clients = clients;
			this.environment = environment;
		}

		@GetMapping("/work")
		String work() {
			return Observation.createNotStarted("custom_work", this.registry)
				.highCardinalityKeyValue("work.items", "3")
				.observe(() -> self().get("/leaf").bodyText());
		}

		@GetMapping("/leaf")
		String leaf() {
			return "leaf";
		}

		private DownstreamClient self() {
			String port = this.environment.getProperty("local.server.port");
			return this.clients.create("self", "http://127.0.0.1:" + port, Duration.ofSeconds(5));
		}

	}

}
