package dev.perfwatch.observability.gcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a service in the gcp profile behaves towards Cloud Run: what its public port exposes, and
 * that it stops, spans flushed, inside the 10 s between SIGTERM and SIGKILL.
 */
class CloudRunServingTests {

	private static final String TRACE_ID = "7af92f3577b34da6a3ce929d0e0e4736";

	/** Cloud Run's SIGKILL comes 10 s after SIGTERM; keep a margin for a loaded CI machine. */
	private static final Duration CLOUD_RUN_GRACE = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void exposesOnlyHealthAndItsProbes() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = start(cloudTrace)) {
			assertThat(status(app, "/actuator/health")).isEqualTo(200);
			assertThat(status(app, "/actuator/health/readiness")).isEqualTo(200);
			assertThat(status(app, "/actuator/health/liveness")).isEqualTo(200);
			assertThat(status(app, "/actuator/prometheus")).isEqualTo(404);
			assertThat(status(app, "/actuator/metrics")).isEqualTo(404);
			assertThat(status(app, "/actuator/info")).isEqualTo(404);
		}
	}

	@Test
	void stopsWithinCloudRunsGraceWithARequestStuckAndFlushesTheFinishedSpans() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true)) {
			ConfigurableApplicationContext app = start(cloudTrace);
			CompletableFuture<HttpResponse<String>> stuck = this.http
				.sendAsync(request(app, "/stuck").build(), HttpResponse.BodyHandlers.ofString());
			HttpRequest finished = request(app, "/leaf").header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
				.build();
			assertThat(this.http.send(finished, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

			long start = System.nanoTime();
			app.close();
			Duration stopping = Duration.ofNanos(System.nanoTime() - start);

			assertThat(stopping).isLessThan(CLOUD_RUN_GRACE);
			assertThat(cloudTrace.awaitTrace(TRACE_ID, 1, Duration.ofSeconds(1))).hasSize(1);
			stuck.cancel(true);
		}
	}

	private static ConfigurableApplicationContext start(FakeCloudTrace cloudTrace) {
		return new SpringApplicationBuilder(TracedTestApp.class).profiles("gcp")
			.run("--server.port=0", "--server.address=127.0.0.1", "--perfwatch.service.name=test",
					"--perfwatch.gcp.trace.project-id=perfwatch-test",
					"--perfwatch.gcp.trace.endpoint=" + cloudTrace.endpoint(), "--perfwatch.gcp.trace.plaintext=true");
	}

	private int status(ConfigurableApplicationContext app, String path) throws Exception {
		return this.http.send(request(app, path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext app, String path) {
		String port = app.getEnvironment().getProperty("local.server.port");
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(40));
	}

}
