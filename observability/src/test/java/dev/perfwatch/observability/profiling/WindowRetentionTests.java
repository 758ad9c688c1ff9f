package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.perfwatch.profiles.format.WindowFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WindowRetentionTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	@TempDir
	Path serviceDir;

	@Test
	void keepsOnlyTheNewestWindowsUpToTheCount() throws IOException {
		for (int minute = 0; minute < 10; minute++) {
			writeWindow(NOW.minus(Duration.ofMinutes(minute)));
		}

		int deleted = new WindowRetention(3, Duration.ofDays(1)).prune(this.serviceDir, NOW);

		assertThat(deleted).isEqualTo(7);
		assertThat(fileNames()).containsExactlyInAnyOrder("20261124T120000Z.jfr", "20261124T115900Z.jfr",
				"20261124T115800Z.jfr");
	}

	@Test
	void dropsWindowsOlderThanTheAgeWhateverTheCount() throws IOException {
		writeWindow(NOW.minus(Duration.ofMinutes(5)));
		writeWindow(NOW.minus(Duration.ofHours(3)));
		Files.writeString(this.serviceDir.resolve("20261124T080000Z.jfr.part"), "left by a killed process");

		new WindowRetention(100, Duration.ofHours(1)).prune(this.serviceDir, NOW);

		assertThat(fileNames()).containsExactly("20261124T115500Z.jfr");
	}

	@Test
	void neverDeletesFilesItDidNotWrite() throws IOException {
		Files.writeString(this.serviceDir.resolve("notes.txt"), "mine");
		Files.writeString(this.serviceDir.resolve("merged-cpu.html"), "from the profiles command");
		writeWindow(NOW.minus(Duration.ofDays(3)));

		new WindowRetention(1, Duration.ofHours(1)).prune(this.serviceDir, NOW);

		assertThat(fileNames()).containsExactlyInAnyOrder("notes.txt", "merged-cpu.html");
	}

	private void writeWindow(Instant start) throws IOException {
		Files.writeString(WindowFiles.window(this.serviceDir, start), "a window");
	}

	private List<String> fileNames() throws IOException {
		try (Stream<Path> files = Files.list(this.serviceDir)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
