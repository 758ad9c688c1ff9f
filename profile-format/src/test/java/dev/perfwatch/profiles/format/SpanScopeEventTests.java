package dev.perfwatch.profiles.format;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpanScopeEventTests {

	/**
	 * {@link SpanScopeEvent#MIN_DURATION}.
	 */
	private static final Duration MIN_DURATION = Duration.ofNanos(50_000);

	@TempDir
	Path dir;

	@Test
	void aRecordingThatOnlyEnablesTheEventKeepsScopesOfItsMinimumDurationAndDropsShorterOnes() throws Exception {
		Path file = this.dir.resolve("scopes.jfr");
		try (Recording recording = new Recording()) {
			// As async-profiler's jfrsync=+perfwatch.SpanScope does: enabled, no threshold given.
			recording.enable(SpanScopeEvent.NAME);
			recording.start();
			scope(1, Duration.ZERO);
			scope(2, MIN_DURATION.multipliedBy(2));
			scope(3, Duration.ZERO);
			recording.stop();
			recording.dump(file);
		}

		List<RecordedEvent> scopes = RecordingFile.readAllEvents(file);

		assertThat(scopes).singleElement().satisfies((scope) -> {
			assertThat(scope.getLong("spanId")).isEqualTo(2);
			assertThat(scope.getDuration()).isGreaterThanOrEqualTo(MIN_DURATION);
		});
	}

	private static void scope(long spanId, Duration open) {
		SpanScopeEvent event = new SpanScopeEvent();
		event.traceIdLow = 1;
		event.spanId = spanId;
		event.begin();
		long until = System.nanoTime() + open.toNanos();
		while (System.nanoTime() < until) {
			Thread.onSpinWait();
		}
		event.commit();
	}

}
