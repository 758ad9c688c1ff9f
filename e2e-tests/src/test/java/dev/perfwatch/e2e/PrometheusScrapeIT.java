package dev.perfwatch.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debian's Prometheus 2.42, with the project's own configuration and rules pointed at the running
 * suite, must scrape every service (a single exemplar would make it drop a whole scrape) and find
 * the histogram bucket the latency SLO is computed from.
 */
@ExtendWith(RunningSuite.class)
class PrometheusScrapeIT {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@Test
	void prometheusScrapesEveryServiceAndLoadsTheRules(LocalSuite suite, @TempDir Path dir) throws IOException {
		Http.get(LocalSuite.url(suite.frontendPort) + "/");
		int port = LocalSuite.freePort();
		Path config = twinConfig(suite, dir);
		try (LocalProcess prometheus = new LocalProcess("prometheus",
				List.of("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
						"--web.listen-address=127.0.0.1:" + port),
				Map.of(), URI.create(LocalSuite.url(port) + "/-/ready"), dir)) {
			prometheus.launch().awaitReady(DEADLINE);
			String api = LocalSuite.url(port) + "/api/v1/";

			JsonNode targets = poll(api + "targets", (answer) -> answer.path("data")
				.path("activeTargets")
				.valueStream()
				.filter((target) -> "up".equals(target.path("health").asString()))
				.count() == 5);
			assertThat(targets.path("data").path("activeTargets").valueStream().map((target) -> target.path("lastError").asString()))
				.containsOnly("");

			JsonNode sloBucket = poll(api + "query?query="
					+ URLEncoder.encode("http_server_requests_seconds_bucket{le=\"1.0\"}", StandardCharsets.UTF_8),
					(answer) -> answer.path("data").path("result").size() >= 4);
			assertThat(sloBucket.path("data").path("result").valueStream().map((series) -> series.path("metric").path("service").asString()))
				.contains("frontend-service", "api-gateway-service", "auth-service", "data-service");

			JsonNode rules = Http.get(api + "rules").json();
			assertThat(rules.path("data").path("groups").size()).isGreaterThanOrEqualTo(3);
			assertThat(rules.path("data").path("groups").valueStream().flatMap((group) -> group.path("rules").valueStream())
				.map((rule) -> rule.path("health").asString()))
				.as("no rule fails to evaluate; those not evaluated yet are unknown")
				.isSubsetOf("ok", "unknown");
		}
	}

	/**
	 * monitoring/prometheus as committed, with the suite's ports and a 1 s scrape interval.
	 */
	private static Path twinConfig(LocalSuite suite, Path dir) throws IOException {
		Path twin = suite.root().resolve("monitoring/prometheus");
		Files.createDirectories(dir.resolve("rules"));
		try (var rules = Files.list(twin.resolve("rules"))) {
			for (Path rule : rules.toList()) {
				Files.copy(rule, dir.resolve("rules").resolve(rule.getFileName()));
			}
		}
		String config = Files.readString(twin.resolve("prometheus.yml"))
			.replace("scrape_interval: 15s", "scrape_interval: 1s")
			.replace("127.0.0.1:8080", "127.0.0.1:" + suite.frontendPort)
			.replace("127.0.0.1:8081", "127.0.0.1:" + suite.gatewayPort)
			.replace("127.0.0.1:8082", "127.0.0.1:" + suite.authPort)
			.replace("127.0.0.1:8083", "127.0.0.1:" + suite.dataPort)
			.replace("127.0.0.1:9411", "127.0.0.1:" + suite.zipkinPort);
		return Files.writeString(dir.resolve("prometheus.yml"), config);
	}

	private static JsonNode poll(String url, Predicate<JsonNode> done) {
		return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> Http.get(url).json(), done);
	}

}
