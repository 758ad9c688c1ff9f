package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.perfwatch.observability.testing.FakeOtlpReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Windows appearing in a profiles directory, pushed to a local Pyroscope-compatible receiver that
 * must be able to read the JFR recording back; and what a failing backend costs.
 */
class ProfileWindowPusherTests {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@TempDir
	Path profiles;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void pushesEachNewWindowOnceAsAReadableJfrRecording() throws Exception {
		try (FakeOtlpReceiver pyroscope = new FakeOtlpReceiver()) {
			ProfileWindowPusher pusher = pusher(pyroscope.url());
			Instant windowStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			pusher.start();
			try {
				Path window = writeWindow(windowStart, "cpu");
				writeWindow(windowStart, "alloc");
				Files.writeString(this.profiles.resolve("svc").resolve(TIMESTAMP.format(windowStart.plusSeconds(5)) + ".jfr.part"),
						"still recording");

				List<FakeOtlpReceiver.Request> pushes = await().atMost(Duration.ofSeconds(10))
					.until(pyroscope::requests, (requests) -> !requests.isEmpty());
				FakeOtlpReceiver.Request push = pushes.get(0);
				assertThat(push.path()).isEqualTo("/ingest");
				assertThat(push.query()).containsEntry("name", "svc")
					.containsEntry("format", "jfr")
					.containsEntry("from", String.valueOf(windowStart.getEpochSecond()))
					.containsEntry("until", String.valueOf(Files.getLastModifiedTime(window).toInstant().getEpochSecond()))
					.containsEntry("sampleRate", "100");
				assertThat(push.headers()).containsEntry("x-scope-orgid", "perfwatch");
				assertThat(eventNames(push.formPart("jfr"))).contains("jdk.CPULoad");

				await().atMost(Duration.ofSeconds(10)).until(() -> count("pushed") == 1);
				// Looked at again and again, the window is not pushed twice.
				await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
				assertThat(pyroscope.requests()).hasSize(1);
			}
			finally {
				pusher.stop();
			}
		}
	}

	@Test
	void dropsAndCountsWindowsTheBackendRejectsOrCannotTake() throws Exception {
		try (FakeOtlpReceiver pyroscope = new FakeOtlpReceiver()) {
			pyroscope.answer(503);
			ProfileWindowPusher rejected = pusher(pyroscope.url());
			rejected.start();
			try {
				Path window = writeWindow(Instant.now().truncatedTo(ChronoUnit.SECONDS), "cpu");
				await().atMost(Duration.ofSeconds(10)).until(() -> count("dropped") == 1);
				Files.delete(window);
			}
			finally {
				rejected.stop();
			}
		}
		ProfileWindowPusher down = pusher("http://127.0.0.1:" + OtlpExportTests.unusedPort());
		down.start();
		try {
			writeWindow(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS), "cpu");
			await().atMost(Duration.ofSeconds(10)).until(() -> count("dropped") == 2);
			assertThat(down.isRunning()).isTrue();
		}
		finally {
			down.stop();
		}
	}

	private ProfileWindowPusher pusher(String url) {
		ProfilePushProperties properties = new ProfilePushProperties(true, URI.create(url),
				Map.of("X-Scope-OrgID", "perfwatch"), this.profiles, "svc", Duration.ofMillis(200),
				Duration.ofSeconds(2), 100);
		return new ProfileWindowPusher(properties, new PyroscopeIngest(properties), this.meters, Clock.systemUTC());
	}

	/**
	 * A real JFR recording under a window's name, as the profiler leaves it.
	 */
	private Path writeWindow(Instant start, String type) throws IOException {
		Path dir = Files.createDirectories(this.profiles.resolve("svc"));
		Path file = dir.resolve(TIMESTAMP.format(start) + ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(10));
			recording.start();
			await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> true);
			recording.stop();
			recording.dump(file);
		}
		Files.setLastModifiedTime(file, FileTime.from(start.plusSeconds(9)));
		return file;
	}

	private static List<String> eventNames(byte[] jfr) throws IOException {
		Path copy = Files.createTempFile("pushed", ".jfr");
		try {
			Files.write(copy, jfr);
			return RecordingFile.readAllEvents(copy).stream().map(RecordedEvent::getEventType).map((type) -> type.getName()).toList();
		}
		finally {
			Files.delete(copy);
		}
	}

	private double count(String result) {
		return this.meters.get("perfwatch.profiles.push").tag("result", result).counter().count();
	}

}
