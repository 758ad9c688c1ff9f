package dev.perfwatch.observability.otlp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import brave.handler.SpanHandler;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import dev.perfwatch.observability.testing.FakeOtlpReceiver;
import dev.perfwatch.observability.testing.FakeOtlpReceiver.ReceivedSpan;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gcp profile with {@code perfwatch.gcp.trace.zipkin-gcp=false}: spans go over OTLP to a
 * local stand-in for {@code telemetry.googleapis.com}, with the bearer token of the (fake)
 * Application Default Credentials and Cloud Run's revision and project as resource attributes,
 * and zipkin-gcp's gRPC sender is not created.
 */
class GoogleOtlpTraceExportTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Test
	void sendsSpansToGooglesOtlpEndpointWithTheCredentialsToken() throws Exception {
		try (FakeOtlpReceiver google = new FakeOtlpReceiver();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(OtlpTestApp.class,
						FakeGoogleCredentials.class)
					.profiles("gcp")
					.run("--server.port=0", "--server.address=127.0.0.1", "--spring.application.name=otlp-test",
							"--perfwatch.service.name=test", "--PERFWATCH_GCP_TRACE_ZIPKIN_GCP=off",
							"--perfwatch.gcp.trace.otlp-endpoint=" + google.url() + "/v1/traces",
							"--perfwatch.otlp.traces.message-timeout=200ms", "--GOOGLE_CLOUD_PROJECT=perfwatch-test",
							"--K_SERVICE=otlp-test", "--K_REVISION=otlp-test-00042-abc")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leaf"))
					.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);

			List<ReceivedSpan> spans = await().atMost(Duration.ofSeconds(20))
				.until(() -> google.spans(TRACE_ID), (received) -> !received.isEmpty());
			assertThat(spans.get(0).parentId()).isEqualTo("b7ad6b7169203331");
			assertThat(spans.get(0).resource()).containsEntry("service.name", "otlp-test")
				.containsEntry("gcp.project_id", "perfwatch-test")
				.containsEntry("cloud.account.id", "perfwatch-test")
				.containsEntry("cloud.platform", "gcp_cloud_run")
				.containsEntry("faas.name", "otlp-test")
				.containsEntry("faas.version", "otlp-test-00042-abc");
			assertThat(google.requests()).allSatisfy((request) -> assertThat(request.headers())
				.containsEntry("authorization", "Bearer fake-access-token"));

			assertThat(app.getBeansOfType(ManagedChannel.class)).isEmpty();
			assertThat(app.getBeansOfType(BytesMessageSender.class).values())
				.noneMatch((sender) -> sender.getClass().getSimpleName().equals("StackdriverSender"));
			// Boot's Zipkin exporter backed off: neither it nor the batch in front of it is there.
			assertThat(app.getBeansOfType(AsyncZipkinSpanHandler.class)).isEmpty();
			assertThat(app.getBeansOfType(SpanHandler.class).values()).extracting(Object::toString)
				.contains("otlp-google -> " + google.url() + "/v1/traces")
				.noneMatch((handler) -> handler.startsWith("Batched("));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FakeGoogleCredentials {

		@Bean
		GoogleCloudCredentials fakeCredentials() {
			AccessToken token = new AccessToken("fake-access-token", Date.from(Instant.now().plusSeconds(3600)));
			return () -> GoogleCredentials.create(token);
		}

		@Bean
		IdTokenProvider noIdTokens() {
			return (audience, options) -> {
				throw new UnsupportedOperationException("no downstream calls in this test");
			};
		}

	}

}
