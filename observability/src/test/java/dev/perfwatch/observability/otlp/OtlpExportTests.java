package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.perfwatch.observability.testing.FakeOtlpReceiver;
import dev.perfwatch.observability.testing.FakeOtlpReceiver.ReceivedSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A traced service exporting over OTLP to a local receiver that decodes with the official
 * opentelemetry-proto classes, and what requests cost when that receiver rejects or is gone.
 */
class OtlpExportTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void exportsTheWholeTraceWithResourceParentsAttributesAndHeaders() throws Exception {
		try (FakeOtlpReceiver receiver = new FakeOtlpReceiver();
				ConfigurableApplicationContext app = start("--PERFWATCH_OTLP_TRACES=on", "--OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.url(),
						"--OTEL_EXPORTER_OTLP_HEADERS=api-key=secret%3D1,x-team=perf")) {
			assertThat(get(app, "/work").statusCode()).isEqualTo(200);

			List<ReceivedSpan> spans = await().atMost(Duration.ofSeconds(20))
				.until(() -> receiver.spans(TRACE_ID), (received) -> received.size() >= 4);
			Map<String, ReceivedSpan> byName = spans.stream()
				.collect(Collectors.toMap(ReceivedSpan::name, Function.identity(), (a, b) -> a));
			assertThat(byName).containsKeys("http get /work", "custom_work", "http get", "http get /leaf");
			assertThat(byName.get("http get /work").parentId()).isEqualTo(CALLER_SPAN_ID);
			assertThat(byName.get("custom_work").parentId()).isEqualTo(byName.get("http get /work").id());
			assertThat(byName.get("http get").parentId()).isEqualTo(byName.get("custom_work").id());
			assertThat(byName.get("http get /leaf").parentId()).isEqualTo(byName.get("http get").id());
			assertThat(byName.get("custom_work").attributes()).containsEntry("work.items", "3");
			assertThat(byName.get("http get /work").span().getKind().name()).isEqualTo("SPAN_KIND_SERVER");
			assertThat(spans).allSatisfy((span) -> {
				assertThat(span.service()).isEqualTo("otlp-test");
				assertThat(span.resource()).containsKey("service.version");
			});

			FakeOtlpReceiver.Request request = receiver.requests().get(0);
			assertThat(request.path()).isEqualTo("/v1/traces");
			assertThat(request.headers()).containsEntry("content-type", "application/x-protobuf")
				.containsEntry("api-key", "secret=1")
				.containsEntry("x-team", "perf");
		}
	}

	@Test
	void exportsHttpServerTimersThroughMicrometersOtlpRegistry() throws Exception {
		try (FakeOtlpReceiver receiver = new FakeOtlpReceiver();
				ConfigurableApplicationContext app = start("--management.otlp.metrics.export.enabled=true",
						"--management.otlp.metrics.export.url=" + receiver.url() + "/v1/metrics",
						"--management.otlp.metrics.export.step=1s")) {
			assertThat(get(app, "/work").statusCode()).isEqualTo(200);

			List<Metric> metrics = await().atMost(Duration.ofSeconds(20))
				.until(receiver::metrics, (received) -> received.stream()
					.anyMatch((metric) -> metric.getName().equals("http.server.requests")
							&& metric.hasHistogram() && metric.getHistogram().getDataPointsCount() > 0));
			Metric server = metrics.stream().filter((metric) -> metric.getName().equals("http.server.requests")
					&& metric.getHistogram().getDataPointsCount() > 0).findFirst().orElseThrow();
			List<String> uris = new ArrayList<>();
			server.getHistogram().getDataPointsList().forEach((point) -> uris.add(
					FakeOtlpReceiver.attributes(point.getAttributesList()).get("uri")));
			assertThat(uris).contains("/work", "/leaf");
			assertThat(receiver.metricResources()).allSatisfy((resource) -> assertThat(resource)
				.containsEntry("service.name", "otlp-test").containsKey("service.version"));
			// Prometheus is still there, beside OTLP.
			assertThat(get(app, "/actuator/prometheus").body()).contains("http_server_requests_seconds_count");
		}
	}

	@Test
	void countsMetricBatchesTheBackendRejects() throws Exception {
		try (FakeOtlpReceiver receiver = new FakeOtlpReceiver();
				ConfigurableApplicationContext app = start("--PERFWATCH_OTLP_METRICS=on",
						"--management.otlp.metrics.export.url=" + receiver.url() + "/v1/metrics",
						"--management.otlp.metrics.export.step=1s")) {
			receiver.answer(503);
			assertThat(get(app, "/work").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> app.getBean(MeterRegistry.class).find("perfwatch.otlp.metrics.dropped").counter(),
						(counter) -> counter != null && counter.count() > 0);
			assertThat(receiver.requests()).extracting(FakeOtlpReceiver.Request::path).contains("/v1/metrics");
		}
	}

	@Test
	void servesRequestsAndCountsDroppedSpansWhenTheBackendRejects() throws Exception {
		try (FakeOtlpReceiver receiver = new FakeOtlpReceiver();
				ConfigurableApplicationContext app = start("--PERFWATCH_OTLP_TRACES=on", "--OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.url())) {
			receiver.answer(503);
			assertEveryRequestServedPromptly(app);
			await().atMost(Duration.ofSeconds(20)).until(() -> droppedSpans(app) > 0);
			assertThat(receiver.requests()).isNotEmpty().allSatisfy((request) -> assertThat(request.status()).isEqualTo(503));
		}
	}

	@Test
	void servesRequestsAndCountsDroppedSpansWhenTheBackendIsDown() throws Exception {
		try (ConfigurableApplicationContext app = start("--PERFWATCH_OTLP_TRACES=on", "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + unusedPort())) {
			assertEveryRequestServedPromptly(app);
			await().atMost(Duration.ofSeconds(20)).until(() -> droppedSpans(app) > 0);
		}
	}

	/**
	 * Export runs on the reporter's own thread; a request that waited for it would take the
	 * sender's timeout, or fail.
	 */
	private void assertEveryRequestServedPromptly(ConfigurableApplicationContext app) throws Exception {
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(app, "/work");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("leaf");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	private static double droppedSpans(ConfigurableApplicationContext app) {
		return app.getBean(MeterRegistry.class)
			.get("zipkin.reporter.spans.dropped")
			.tag("transport", "otlp")
			.counter()
			.count();
	}

	static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=otlp-test", "--perfwatch.service.name=test",
				"--management.tracing.export.zipkin.enabled=false",
				"--perfwatch.otlp.traces.message-timeout=200ms"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(OtlpTestApp.class).run(all.toArray(String[]::new));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path)
			throws IOException, InterruptedException {
		String port = app.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
