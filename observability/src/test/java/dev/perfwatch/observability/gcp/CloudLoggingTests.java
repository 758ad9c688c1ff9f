package dev.perfwatch.observability.gcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service in the gcp profile writes to stdout, which is what Cloud Logging ingests on Cloud
 * Run: one JSON object per line, with the fields that join an entry to its trace, and a stack trace
 * inside its own entry.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudLoggingTests {

	private static final String PROJECT = "perfwatch-test";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesOneJsonEntryPerEventJoinedToTheRequestsTrace(CapturedOutput output) throws Exception {
		try (FakeCloudTrace cloudTrace = new FakeCloudTrace(true);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(TracedTestApp.class).profiles("gcp")
					.run("--server.port=0", "--server.address=127.0.0.1", "--perfwatch.service.name=test",
							"--perfwatch.gcp.trace.project-id=" + PROJECT,
							"--perfwatch.gcp.trace.endpoint=" + cloudTrace.endpoint(),
							"--perfwatch.gcp.trace.plaintext=true")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/boom"))
				.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
				.timeout(Duration.ofSeconds(10))
				.build();
			assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
		}

		List<String> lines = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty();
		List<JsonNode> entries = lines.stream().map(this.json::readTree).toList();
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.isObject()).isTrue();
			assertThat(entry.path("severity").asString()).isIn("DEBUG", "INFO", "WARNING", "ERROR");
			assertThat(entry.path("message").isString()).isTrue();
		});
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.path("message").asString())
			.startsWith("Started "));

		List<JsonNode> errors = entries.stream()
			.filter((entry) -> entry.path("message").asString().startsWith("Unexpected error on /boom"))
			.toList();
		assertThat(errors).hasSize(1);
		JsonNode error = errors.get(0);
		assertThat(error.path("severity").asString()).isEqualTo("ERROR");
		assertThat(error.path("logging.googleapis.com/trace").asString())
			.isEqualTo("projects/" + PROJECT + "/traces/" + TRACE_ID);
		assertThat(error.path("logging.googleapis.com/spanId").asString()).matches("[0-9a-f]{16}")
			.isNotEqualTo("00f067aa0ba902b7");
		assertThat(error.path("logging.googleapis.com/trace_sampled").isBoolean()).isTrue();
		assertThat(error.path("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
		assertThat(error.path("trace_id").asString()).isEqualTo(TRACE_ID);
		assertThat(error.path("stack_trace").asString()).startsWith("java.lang.IllegalStateException: boom on purpose")
			.contains("\n\tat dev.perfwatch.observability.gcp.TracedTestApp$WorkController.boom");
		assertThat(entries).filteredOn((entry) -> entry.path("message").asString().startsWith("GET /boom 500 in "))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.path("severity").asString()).isEqualTo("WARNING");
				assertThat(entry.path("trace_id").asString()).isEqualTo(TRACE_ID);
			});
		assertThat(output.getOut()).doesNotContainPattern("(?m)^\\s+at ");
	}

}
