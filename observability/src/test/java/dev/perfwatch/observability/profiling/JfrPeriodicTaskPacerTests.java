package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JfrPeriodicTaskPacerTests {

	private static final String PERIODIC_THREAD = "JFR Periodic Ta";

	@Test
	void isNeededBeforeJava21Only() {
		assertThat(JfrPeriodicTaskPacer.neededOn(Runtime.Version.parse("17.0.15"))).isTrue();
		assertThat(JfrPeriodicTaskPacer.neededOn(Runtime.Version.parse("20"))).isTrue();
		assertThat(JfrPeriodicTaskPacer.neededOn(Runtime.Version.parse("21.0.1"))).isFalse();
		assertThat(JfrPeriodicTaskPacer.neededOn(Runtime.Version.parse("25.0.3"))).isFalse();
	}

	@Test
	void betweenWindowsJfrsPeriodicThreadWakesAboutOnceASecond() {
		aWindowHasRecorded();
		JfrPeriodicTaskPacer pacer = new JfrPeriodicTaskPacer(true);
		try {
			pacer.afterWindow();
			assertThat(pacer.isPacing()).isTrue();
			long before = wakeUps();
			// Unpaced, Java 17's thread wakes about 100 times a second: past 10 within 0.1 s.
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> wakeUps() - before <= 10);
		}
		finally {
			pacer.close();
		}
	}

	@Test
	void startsOnceAndIsGoneWhenClosed() {
		JfrPeriodicTaskPacer pacer = new JfrPeriodicTaskPacer(true);
		pacer.afterWindow();
		pacer.afterWindow();
		assertThat(pacingRecordings()).isEqualTo(1);
		pacer.close();
		assertThat(pacer.isPacing()).isFalse();
		assertThat(pacingRecordings()).isZero();
	}

	@Test
	void recordsNothingWhereTheJdkHasTheFix() {
		JfrPeriodicTaskPacer pacer = new JfrPeriodicTaskPacer(false);
		pacer.afterWindow();
		assertThat(pacer.isPacing()).isFalse();
		assertThat(pacingRecordings()).isZero();
	}

	private static long pacingRecordings() {
		return FlightRecorder.getFlightRecorder()
			.getRecordings()
			.stream()
			.filter((recording) -> recording.getName().startsWith("perfwatch: JFR periodic task pacing"))
			.count();
	}

	private static void aWindowHasRecorded() {
		try (Recording window = new Recording()) {
			window.enable("perfwatch.SpanScope");
			window.start();
			window.stop();
		}
	}

	// Voluntary context switches of JFR's periodic task thread: one per wake-up from its nap.
	private static long wakeUps() {
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				if (Files.readString(task.resolve("comm")).strip().equals(PERIODIC_THREAD)) {
					return Files.readAllLines(task.resolve("status"))
						.stream()
						.filter((line) -> line.startsWith("voluntary_ctxt_switches:"))
						.mapToLong((line) -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
						.findFirst()
						.orElseThrow();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("no thread named '" + PERIODIC_THREAD + "': JFR has not started");
	}

}
