package dev.perfwatch.observability.gcp;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.auth.oauth2.IdTokenProvider;
import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service shaped like ours: {@code GET /work} opens a custom span and calls {@code GET /leaf} of
 * itself through a {@link DownstreamClient}, so one request gives server, custom, client and
 * downstream server spans; {@code GET /boom} fails, so the error handler logs a stack trace;
 * {@code GET /stuck} hangs for 30 s. ID
 * tokens come from a fake instead of the metadata server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TracedTestApp {

	@Bean
	IdTokenProvider fakeIdTokens() {
		return new FakeIdTokens(Duration.ofHours(1));
	}

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
				.lowCardinalityKeyValue("work.kind", "test")
				.highCardinalityKeyValue("work.items", "3")
				.observe(() -> self().get("/leaf").bodyText());
		}

		@GetMapping("/leaf")
		String leaf() {
			return "leaf";
		}

		/** A request stuck on a downstream that never answers, until shutdown interrupts it. */
		@GetMapping("/stuck")
		String stuck() throws InterruptedException {
			new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			return "unstuck";
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom on purpose");
		}

		private DownstreamClient self() {
			String port = this.environment.getProperty("local.server.port");
			return this.clients.create("self", "http://127.0.0.1:" + port, Duration.ofSeconds(5));
		}

	}

}
