package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfwatch.observability.testing.FakeOtlpReceiver;
import dev.perfwatch.observability.testing.FakeOtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four real processes export over OTLP/HTTP, configured only by the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} and {@code OTEL_EXPORTER_OTLP_HEADERS} variables, to a local
 * receiver that decodes with the official opentelemetry-proto classes, beside Zipkin and
 * Prometheus. A request with a fixed trace id must arrive as one trace of all four services with
 * the recipe's spans; the HTTP server timers must arrive as OTLP metrics; a receiver answering 503
 * must cost requests nothing and show up as dropped spans.
 */
@ExtendWith(RunningSuite.class)
class OtlpExportIT {

	private static final String TRACE_ID = "5cf92f3577b34da6a3ce929d0e0e4737";

	private static final List<String> SERVICES = List.of("frontend-service", "api-gateway-service", "auth-service",
			"data-service");

	private static final Map<String, List<String>> CUSTOM_SPANS = Map.of(
			"api_gateway_processing", List.of("endpoint", "method"),
			"authentication_check", List.of("auth_result", "auth_duration_ms"),
			"data_service_call", List.of("data_size_bytes", "data_duration_ms"),
			"data_fetch_operation", List.of("total_duration_ms"),
			"database_query", List.of("query_duration_ms", "result_count", "query_type"),
			"data_processing", List.of("items_processed"));

	private static final String VERSION = System.getProperty("perfwatch.version");

	private static final Pattern DROPPED = Pattern
		.compile("(?m)^zipkin_reporter_spans_dropped_total\\{[^}]*transport=\"otlp\"[^}]*} ([0-9.eE+]+)$");

	@Test
	void oneTraceOfAllFourServicesArrivesOverOtlp(LocalSuite suite) {
		Http.Answer answer = Http.get(LocalSuite.url(suite.frontendPort) + "/",
				"traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
		assertThat(answer.status()).isEqualTo(200);

		List<ReceivedSpan> spans = await().atMost(Duration.ofSeconds(30))
			.until(() -> suite.otlp.spans(TRACE_ID), OtlpExportIT::complete);
		Map<String, ReceivedSpan> byId = new HashMap<>();
		spans.forEach((span) -> byId.put(span.id(), span));

		assertThat(spans).extracting(ReceivedSpan::service).containsAll(SERVICES);
		assertThat(spans).allSatisfy((span) -> assertThat(span.resource()).containsEntry("service.version", VERSION));
		assertThat(serviceEdges(spans, byId)).contains("frontend-service->api-gateway-service",
				"api-gateway-service->auth-service", "api-gateway-service->data-service");
		CUSTOM_SPANS.forEach((name, attributes) -> assertThat(span(spans, name).attributes().keySet())
			.as("attributes of %s", name)
			.containsAll(attributes));
		assertThat(span(spans, "authentication_check").attributes()).containsEntry("auth_result", "success");
		assertThat(span(spans, "database_query").attributes()).containsEntry("query_type", "aggregate_analysis")
			.containsEntry("result_count", "10");
		assertThat(byId.get(span(spans, "authentication_check").parentId()).name()).isEqualTo("api_gateway_processing");
		assertThat(byId.get(span(spans, "database_query").parentId()).name()).isEqualTo("data_fetch_operation");
		assertThat(span(spans, "http get /").parentId()).isEqualTo("00f067aa0ba902b7");

		Set<String> headerValues = new HashSet<>();
		suite.otlp.requests().stream()
			.filter((request) -> request.path().equals("/v1/traces"))
			.forEach((request) -> headerValues.add(request.headers().get("x-perfwatch-e2e")));
		assertThat(headerValues).containsAll(SERVICES);
	}

	@Test
	void httpServerTimersOfEveryServiceArriveAsOtlpMetrics(LocalSuite suite) {
		assertThat(Http.get(LocalSuite.url(suite.frontendPort) + "/").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Set<String> services = new HashSet<>();
			suite.otlp.metricResources().forEach((resource) -> services.add(resource.get("service.name")));
			assertThat(services).containsAll(SERVICES);
			assertThat(suite.otlp.metrics()).filteredOn((metric) -> metric.getName().equals("http.server.requests"))
				.anySatisfy((metric) -> assertThat(routes(metric)).contains("/"));
		});
		assertThat(suite.otlp.metricResources()).allSatisfy((resource) -> assertThat(resource)
			.containsEntry("service.version", VERSION));
		// Configured only by OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_HEADERS, as vendors document.
		Set<String> headerValues = new HashSet<>();
		suite.otlp.requests().stream()
			.filter((request) -> request.path().equals("/v1/metrics"))
			.forEach((request) -> headerValues.add(request.headers().get("x-perfwatch-e2e")));
		assertThat(headerValues).containsAll(SERVICES);
	}

	@Test
	void aBackendAnswering503CostsRequestsNothingAndCountsDroppedSpans(LocalSuite suite) {
		double before = droppedSpans(suite);
		suite.otlp.answer(503);
		try {
			for (int i = 0; i < 10; i++) {
				long start = System.nanoTime();
				assertThat(Http.get(LocalSuite.url(suite.frontendPort) + "/").status()).isEqualTo(200);
				// Generous: export is on the reporter's thread; a request waiting for it would also wait
				// for the 5 s export timeout of every service on the path.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> droppedSpans(suite) > before);
			assertThat(suite.otlp.requests()).anySatisfy((request) -> assertThat(request.status()).isEqualTo(503));
		}
		finally {
			suite.otlp.answer(200);
		}
	}

	private static double droppedSpans(LocalSuite suite) {
		String metrics = Http.get(LocalSuite.url(suite.gatewayPort) + "/actuator/prometheus").body();
		Matcher matcher = DROPPED.matcher(metrics);
		assertThat(matcher.find()).as("dropped-spans counter in\n%s", metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private static Set<String> routes(Metric metric) {
		Set<String> uris = new HashSet<>();
		metric.getHistogram().getDataPointsList()
			.forEach((point) -> uris.add(FakeOtlpReceiver.attributes(point.getAttributesList()).get("uri")));
		return uris;
	}

	private static boolean complete(List<ReceivedSpan> spans) {
		Set<String> names = new HashSet<>();
		Set<String> services = new HashSet<>();
		spans.forEach((span) -> {
			names.add(span.name());
			services.add(span.service());
		});
		return names.containsAll(CUSTOM_SPANS.keySet()) && services.containsAll(SERVICES);
	}

	private static ReceivedSpan span(List<ReceivedSpan> spans, String name) {
		return spans.stream()
			.filter((span) -> span.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span named " + name));
	}

	private static Set<String> serviceEdges(List<ReceivedSpan> spans, Map<String, ReceivedSpan> byId) {
		Set<String> edges = new HashSet<>();
		for (ReceivedSpan span : spans) {
			ReceivedSpan parent = byId.get(span.parentId());
			if (parent != null && !parent.service().equals(span.service())) {
				edges.add(parent.service() + "->" + span.service());
			}
		}
		return edges;
	}

}
