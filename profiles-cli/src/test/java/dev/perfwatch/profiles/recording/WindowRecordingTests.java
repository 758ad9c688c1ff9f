package dev.perfwatch.profiles.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.format.SpanEvent;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowRecordingTests {

	@Test
	void aSpanEventWithoutIdsIsNoSpan(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("20261202T101500Z.jfr");
		try (Recording recording = new Recording()) {
			recording.enable(SpanEvent.NAME);
			recording.start();
			span(null, "cut short");
			span("4bf92f3577b34da6a3ce929d0e0e4736", "http get /");
			recording.stop();
			recording.dump(file);
		}

		assertThat(WindowRecording.read(file, "svc").spans()).singleElement()
			.satisfies((span) -> assertThat(span.name()).isEqualTo("http get /"));
	}

	@Test
	void aWindowPrunedAfterItWasListedIsAbsentNotAnError(@TempDir Path dir) {
		assertThat(WindowRecording.readIfPresent(dir.resolve("20261202T101500Z.jfr"), "svc")).isEmpty();
	}

	@Test
	void aTruncatedWindowIsStillAnError(@TempDir Path dir) throws IOException {
		Path file = Files.write(dir.resolve("20261202T101500Z.jfr"), new byte[] { 'F', 'L', 'R', 0 });

		assertThatThrownBy(() -> WindowRecording.readIfPresent(file, "svc")).isInstanceOf(ProfilesException.class)
			.hasMessageContaining("not a complete JFR recording");
	}

	private static void span(String traceId, String name) {
		SpanEvent event = new SpanEvent();
		event.traceId = traceId;
		event.spanId = "a3ce929d0e0e4736";
		event.name = name;
		event.kind = "SERVER";
		event.commit();
	}

}
