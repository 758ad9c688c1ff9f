package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.devtools.cloudtrace.v2.BatchWriteSpansRequest;
import com.google.devtools.cloudtrace.v2.Span;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started in the gcp profile against a fake Cloud Trace on 127.0.0.1: what arrives there,
 * and what happens to requests when Cloud Trace is down or hangs.
 */
class CloudTraceExportTests {

	private static final String PROJECT = "perfwatch-test";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void exportsTheWholeTraceWithProjectNamesParentsAndAttributes() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = startInGcpProfile(cloudTrace.endpoint())) {
			HttpResponse<String> response = get(app, "/work", "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
			assertThat(response.statusCode()).isEqualTo(200);

			List<Span> spans = cloudTrace.awaitTrace(TRACE_ID, 4, Duration.ofSeconds(20));
			assertThat(cloudTrace.batches()).extracting(BatchWriteSpansRequest::getName)
				.contains("projects/" + PROJECT);
			assertThat(spans).allSatisfy((span) -> assertThat(span.getName())
				.startsWith("projects/" + PROJECT + "/traces/" + TRACE_ID + "/spans/" + span.getSpanId()));
			Map<String, Span> byName = spans.stream()
				.collect(Collectors.toMap((span) -> span.getDisplayName().getValue(), Function.identity(), (a, b) -> a));
			assertThat(byName).containsKeys("http get /work", "custom_work", "http get", "http get /leaf");

			Span work = byName.get("http get /work");
			Span custom = byName.get("custom_work");
			Span client = byName.get("http get");
			Span leaf = byName.get("http get /leaf");
			assertThat(work.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
			assertThat(custom.getParentSpanId()).isEqualTo(work.getSpanId());
			assertThat(client.getParentSpanId()).isEqualTo(custom.getSpanId());
			assertThat(leaf.getParentSpanId()).isEqualTo(client.getSpanId());

			assertThat(attribute(custom, "work.items")).isEqualTo("3");
			assertThat(attribute(custom, "work.kind")).isEqualTo("test");
			assertThat(attribute(work, "/http/method")).isEqualTo("GET");
		}
	}

	@Test
	void joinsCloudRunsTraceFromXCloudTraceContext() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = startInGcpProfile(cloudTrace.endpoint())) {
			String traceId = "105445aa7843bc8bf206b12000100000";
			long callerSpan = 123456789L;
			HttpResponse<String> response = get(app, "/leaf", "X-Cloud-Trace-Context", traceId + "/" + callerSpan + ";o=1");
			assertThat(response.statusCode()).isEqualTo(200);

			Span leaf = cloudTrace.awaitTrace(traceId, 1, Duration.ofSeconds(20)).get(0);
			assertThat(leaf.getParentSpanId()).isEqualTo(String.format("%016x", callerSpan));
		}
	}

	@Test
	void keepsTheCallersSpanFromB3WhenCloudRunRewroteTheTraceparentParent() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = startInGcpProfile(cloudTrace.endpoint())) {
			String port = app.getEnvironment().getProperty("local.server.port");
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leaf"))
				.header("traceparent", "00-" + TRACE_ID + "-a7b54b18ba85b13c-01")
				.header("b3", TRACE_ID + "-" + CALLER_SPAN_ID + "-1")
				.timeout(Duration.ofSeconds(10))
				.build();
			assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

			Span leaf = cloudTrace.awaitTrace(TRACE_ID, 1, Duration.ofSeconds(20)).get(0);
			assertThat(leaf.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
		}
	}

	@Test
	void recordsRequestsThatCloudRunMarkedUnsampledInCloudRunsTrace() throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = startInGcpProfile(cloudTrace.endpoint())) {
			String traceId = "0af7651916cd43dd8448eb211c80319c";
			HttpResponse<String> response = get(app, "/leaf", "traceparent", "00-" + traceId + "-b7ad6b7169203331-00");
			assertThat(response.statusCode()).isEqualTo(200);

			Span leaf = cloudTrace.awaitTrace(traceId, 1, Duration.ofSeconds(20)).get(0);
			assertThat(leaf.getParentSpanId()).isEqualTo("b7ad6b7169203331");
		}
	}

	@Test
	void servesRequestsWhenCloudTraceIsDown() throws Exception {
		try (ConfigurableApplicationContext app = startInGcpProfile("127.0.0.1:" + unusedPort())) {
			assertEveryRequestServedPromptly(app);
		}
	}

	@Test
	void servesRequestsWhenCloudTraceNeverAnswers() throws Exception {
		try (FakeCloudTrace hung = new FakeCloudTrace(false);
				ConfigurableApplicationContext app = startInGcpProfile(hung.endpoint())) {
			assertEveryRequestServedPromptly(app);
		}
	}

	/**
	 * Export runs on the reporter's own thread; a request that waited for it would take the
	 * sender's 5 s response timeout at least.
	 */
	private void assertEveryRequestServedPromptly(ConfigurableApplicationContext app) throws Exception {
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(app, "/work", "traceparent",
					"00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("leaf");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	private static ConfigurableApplicationContext startInGcpProfile(String cloudTraceEndpoint) {
		return new SpringApplicationBuilder(TracedTestApp.class).profiles("gcp")
			.run("--server.port=0", "--server.address=127.0.0.1", "--perfwatch.service.name=test",
					"--perfwatch.gcp.trace.project-id=" + PROJECT,
					"--perfwatch.gcp.trace.endpoint=" + cloudTraceEndpoint,
					"--perfwatch.gcp.trace.plaintext=true");
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path, String header, String value)
			throws IOException, InterruptedException {
		String port = app.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header(header, value)
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String attribute(Span span, String key) {
		assertThat(span.getAttributes().getAttributeMapMap()).containsKey(key);
		return span.getAttributes().getAttributeMapMap().get(key).getStringValue().getValue();
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
