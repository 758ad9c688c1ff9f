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
			span(0, "cut short");
			span(0xa3ce929d0e0e4736L, "http get /");
			recording.stop();
			recording.dump(file);
		}

		assertThat(WindowRecording.read(file, "svc").spans()).singleElement().satisfies((span) -> {
			assertThat(span.name()).isEqualTo("http get /");
			assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
			assertThat(span.spanId()).isEqualTo("00f067aa0ba902b7");
			assertThat(span.parentId()).isNull();
		});
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

	private static void span(long traceIdLow, String name) {
		SpanEvent event = new SpanEvent();
		event.traceIdHigh = (traceIdLow != 0) ? 0x4bf92f3577b34da6L : 0;
		event.traceIdLow = traceIdLow;
		event.spanId = 0x00f067aa0ba902b7L;
		event.name = name;
		event.kind = "SERVER";
		event.commit();
	}

}
