package dev.perfwatch.e2e;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import dev.perfwatch.observability.testing.FakeOtlpReceiver;
import one.jfr.JfrReader;
import one.jfr.event.ExecutionSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code PERFWATCH_PROFILES_PUSH=on}, every real service pushes the JFR windows its
 * async-profiler writes to a Pyroscope-style {@code /ingest}; what arrives must parse as a JFR
 * recording holding CPU samples, while requests are served as usual.
 */
@ExtendWith(RunningSuite.class)
class ProfilePushIT {

	private static final List<String> SERVICES = List.of("frontend-service", "api-gateway-service", "auth-service",
			"data-service");

	@Test
	void everyServicePushesItsWindowsAsReadableJfr(LocalSuite suite) throws Exception {
		Load.run(LocalSuite.url(suite.frontendPort) + "/", 2, suite.profilingPeriod().multipliedBy(2));

		for (String service : SERVICES) {
			FakeOtlpReceiver.Request push = await().atMost(suite.profilingPeriod().multipliedBy(4).plusSeconds(10))
				.until(() -> suite.otlp.requests()
					.stream()
					.filter((request) -> request.path().equals("/ingest") && request.status() == 200
							&& service.equals(request.query().get("name")))
					.reduce((first, second) -> second), (found) -> found.isPresent())
				.orElseThrow();
			assertThat(push.query()).containsEntry("format", "jfr").containsKeys("from", "until");
			assertThat(Long.parseLong(push.query().get("until"))).isGreaterThanOrEqualTo(Long.parseLong(push.query().get("from")));
			try (JfrReader reader = new JfrReader(ByteBuffer.wrap(push.formPart("jfr")))) {
				assertThat(reader.readAllEvents(ExecutionSample.class)).as("CPU samples pushed by %s", service).isNotEmpty();
			}
		}
	}

}
