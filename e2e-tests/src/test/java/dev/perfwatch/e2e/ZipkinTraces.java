package dev.perfwatch.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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
		AtomicReference<List<JsonNode>> lastSeen = new AtomicReference<>(List.of());
		try {
			return Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.pollInSameThread()
				.until(() -> read(suite, traceId, lastSeen), (spans) -> spans != null && complete.test(spans));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Zipkin never held the expected trace " + traceId + "; last seen: " + lastSeen.get());
		}
	}

	/**
	 * The trace's spans, or {@code null} while Zipkin does not know the trace.
	 */
	private static List<JsonNode> read(LocalSuite suite, String traceId, AtomicReference<List<JsonNode>> lastSeen) {
		Http.Answer trace = Http.get(suite.zipkinUrl() + "/api/v2/trace/" + traceId);
		if (trace.status() != 200) {
			return null;
		}
		List<JsonNode> spans = trace.json().valueStream().toList();
		lastSeen.set(spans);
		return spans;
	}

	static Optional<JsonNode> span(List<JsonNode> spans, String name) {
		return spans.stream().filter((span) -> name.equals(span.path("name").asString())).findFirst();
	}

	static String service(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString();
	}

}
