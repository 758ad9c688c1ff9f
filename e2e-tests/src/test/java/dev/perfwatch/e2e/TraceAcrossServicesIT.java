package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with a fixed trace id goes through all four processes; the real Zipkin server must
 * then hold one trace with every service, the service-to-service edges and the recipe's spans.
 */
@ExtendWith(RunningSuite.class)
class TraceAcrossServicesIT {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final Map<String, List<String>> CUSTOM_SPANS = Map.of(
			"api_gateway_processing", List.of("endpoint", "method"),
			"authentication_check", List.of("auth_result", "auth_duration_ms"),
			"data_service_call", List.of("data_size_bytes", "data_duration_ms"),
			"data_fetch_operation", List.of("total_duration_ms"),
			"database_query", List.of("query_duration_ms", "result_count", "query_type"),
			"data_processing", List.of("items_processed"));

	@Test
	void oneTraceSpansAllFourServicesWithTheRecipesSpans(LocalSuite suite) {
		Http.Answer answer = Http.get(LocalSuite.url(suite.frontendPort) + "/",
				"traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
		assertThat(answer.status()).isEqualTo(200);

		List<JsonNode> spans = ZipkinTraces.await(suite, TRACE_ID, TraceAcrossServicesIT::complete, Duration.ofSeconds(30));
		Map<String, JsonNode> byId = new HashMap<>();
		spans.forEach((span) -> byId.put(span.get("id").asString(), span));

		assertThat(spans).extracting(ZipkinTraces::service)
			.contains("frontend-service", "api-gateway-service", "auth-service", "data-service");
		assertThat(serviceEdges(spans, byId)).contains("frontend-service->api-gateway-service",
				"api-gateway-service->auth-service", "api-gateway-service->data-service");

		CUSTOM_SPANS.forEach((name, attributes) -> {
			JsonNode span = ZipkinTraces.span(spans, name).orElseThrow(() -> new AssertionError("no span named " + name));
			assertThat(span.path("tags").propertyNames()).as("attributes of %s", name).containsAll(attributes);
		});
		assertThat(tag(spans, "authentication_check", "auth_result")).isEqualTo("success");
		assertThat(tag(spans, "database_query", "query_type")).isEqualTo("aggregate_analysis");
		assertThat(tag(spans, "database_query", "result_count")).isEqualTo("10");
		assertThat(tag(spans, "data_processing", "items_processed")).isEqualTo("10");
		assertThat(parentName(spans, byId, "authentication_check")).isEqualTo("api_gateway_processing");
		assertThat(parentName(spans, byId, "database_query")).isEqualTo("data_fetch_operation");
	}

	@Test
	void malformedTraceHeadersAreServedUnderANewTrace(LocalSuite suite) {
		Http.Answer answer = Http.get(LocalSuite.url(suite.frontendPort) + "/", "traceparent", "00-zzzz-01", "b3",
				"not-a-b3", "x-cloud-trace-context", "nonsense/;o=9");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("api_response").path("service").asString()).isEqualTo("api-gateway");
	}

	private static boolean complete(List<JsonNode> spans) {
		Set<String> names = new HashSet<>();
		spans.forEach((span) -> names.add(span.path("name").asString()));
		return names.containsAll(CUSTOM_SPANS.keySet()) && services(spans).size() == 4;
	}

	private static Set<String> services(List<JsonNode> spans) {
		Set<String> services = new HashSet<>();
		spans.forEach((span) -> services.add(ZipkinTraces.service(span)));
		return services;
	}

	private static Set<String> serviceEdges(List<JsonNode> spans, Map<String, JsonNode> byId) {
		Set<String> edges = new HashSet<>();
		for (JsonNode span : spans) {
			JsonNode parent = byId.get(span.path("parentId").asString(""));
			if (parent != null && !ZipkinTraces.service(parent).equals(ZipkinTraces.service(span))) {
				edges.add(ZipkinTraces.service(parent) + "->" + ZipkinTraces.service(span));
			}
		}
		return edges;
	}

	private static String parentName(List<JsonNode> spans, Map<String, JsonNode> byId, String name) {
		JsonNode span = ZipkinTraces.span(spans, name).orElseThrow();
		return byId.get(span.path("parentId").asString()).path("name").asString();
	}

	private static String tag(List<JsonNode> spans, String name, String tag) {
		return ZipkinTraces.span(spans, name).orElseThrow().path("tags").path(tag).asString();
	}

}
