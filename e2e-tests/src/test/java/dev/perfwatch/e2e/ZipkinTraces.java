package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Reads traces back from the suite's Zipkin server, which stores spans a moment after the services
 * report them.
 */
final class ZipkinTraces {

	private ZipkinTraces() {
	}

	/**
	 * Polls Zipkin until the trace's spans satisfy {@code complete}.
	 * @throws AssertionError when they do not within the timeout
	 */
	static List<JsonNode> await(LocalSuite suite, String traceId, Predicate<List<JsonNode>> complete,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<JsonNode> spans = List.of();
		while (System.nanoTime() < deadline) {
			Http.Answer trace = Http.get(suite.zipkinUrl() + "/api/v2/trace/" + traceId);
			if (trace.status() == 200) {
				spans = trace.json().valueStream().toList();
				if (complete.test(spans)) {
					return spans;
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("Zipkin never held the expected trace " + traceId + "; last seen: " + spans);
	}

	static Optional<JsonNode> span(List<JsonNode> spans, String name) {
		return spans.stream().filter((span) -> name.equals(span.path("name").asString())).findFirst();
	}

	static String service(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString();
	}

}
