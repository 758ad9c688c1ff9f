package dev.perfwatch.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway calls auth and data through a proxy that rewrites {@code traceparent} as Cloud
 * Run's front end does. With the gcp profile's header order ({@code b3} first), the stored trace
 * still has the gateway's client spans as parents of auth's and data's server spans. The three
 * services here are extra processes reporting to the suite's Zipkin.
 */
@ExtendWith(RunningSuite.class)
class CloudRunHopIT {

	private static final String TRACE_ID = "5cf92f3577b34da6a3ce929d0e0e4736";

	/** The gcp profile's header order; no profiling, which would add windows to the suite's profiles. */
	private static final Map<String, String> GCP_HEADER_ORDER = Map.of("PERFWATCH_TRACING_INBOUND_FORMATS",
			"b3,w3c,cloud-trace", "PERFWATCH_PROFILING", "off");

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final Set<String> EDGES = Set.of("api-gateway-service->auth-service",
			"api-gateway-service->data-service");

	@Test
	void gatewayToAuthAndDataEdgesSurviveAFrontEndThatRewritesTraceparent(LocalSuite suite) {
		int authPort = LocalSuite.freePort();
		int dataPort = LocalSuite.freePort();
		int gatewayPort = LocalSuite.freePort();
		try (LocalProcess auth = suite.service("cloud-run-auth", "auth-service", authPort, GCP_HEADER_ORDER);
				LocalProcess data = suite.service("cloud-run-data", "data-service", dataPort, GCP_HEADER_ORDER);
				CloudRunFrontEnd authFront = new CloudRunFrontEnd(URI.create(LocalSuite.url(authPort)));
				CloudRunFrontEnd dataFront = new CloudRunFrontEnd(URI.create(LocalSuite.url(dataPort)));
				LocalProcess gateway = suite.service("cloud-run-gateway", "api-gateway-service", gatewayPort,
						with(GCP_HEADER_ORDER, "AUTH_SERVICE_URL", authFront.url(), "DATA_SERVICE_URL",
								dataFront.url()))) {
			Stream.of(auth, data, gateway).forEach(LocalProcess::launch);
			Stream.of(auth, data, gateway).forEach((process) -> process.awaitReady(STARTUP));

			Http.Answer answer = Http.get(LocalSuite.url(gatewayPort) + "/api/data", "traceparent",
					"00-" + TRACE_ID + "-00f067aa0ba902b7-01");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(authFront.rewritten()).as("traceparent rewritten on the way to auth").isPositive();
			assertThat(dataFront.rewritten()).as("traceparent rewritten on the way to data").isPositive();

			// Each process reports its spans on its own schedule: wait for both edges, not only for
			// some span of each service (CI saw the data service's span before the gateway's client span).
			List<JsonNode> spans = ZipkinTraces.await(suite, TRACE_ID,
					(all) -> allThreeServices(all) && serviceEdges(all).containsAll(EDGES), Duration.ofSeconds(30));
			assertThat(serviceEdges(spans)).containsAll(EDGES);
		}
	}

	private static Map<String, String> with(Map<String, String> base, String... pairs) {
		Map<String, String> env = new HashMap<>(base);
		for (int i = 0; i < pairs.length; i += 2) {
			env.put(pairs[i], pairs[i + 1]);
		}
		return env;
	}

	private static boolean allThreeServices(List<JsonNode> spans) {
		Set<String> services = new HashSet<>();
		spans.forEach((span) -> services.add(ZipkinTraces.service(span)));
		return services.containsAll(Set.of("api-gateway-service", "auth-service", "data-service"));
	}

	/** caller->callee for every server span whose parent is a span of another service in the trace. */
	private static Set<String> serviceEdges(List<JsonNode> spans) {
		Map<String, JsonNode> byId = new HashMap<>();
		spans.forEach((span) -> byId.put(span.get("id").asString(), span));
		Set<String> edges = new HashSet<>();
		for (JsonNode span : spans) {
			JsonNode parent = byId.get(span.path("parentId").asString(""));
			if (parent != null && !ZipkinTraces.service(parent).equals(ZipkinTraces.service(span))) {
				edges.add(ZipkinTraces.service(parent) + "->" + ZipkinTraces.service(span));
			}
		}
		return edges;
	}

}
