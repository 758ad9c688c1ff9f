package dev.perfwatch.profiles.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowFilesTests {

	private static final Instant START = Instant.parse("2026-12-02T10:15:00.750Z");

	@Test
	void namesAWindowByItsStartInUtcToTheSecond(@TempDir Path dir) {
		assertThat(WindowFiles.window(dir, START)).isEqualTo(dir.resolve("20261202T101500Z.jfr"));
		assertThat(WindowFiles.recording(dir, START)).isEqualTo(dir.resolve("20261202T101500Z.jfr.part"));
	}

	@Test
	void readsTheStartBackFromBothNamesAndNothingFromOthers(@TempDir Path dir) {
		Instant second = Instant.parse("2026-12-02T10:15:00Z");
		assertThat(WindowFiles.startOf(WindowFiles.window(dir, START))).isEqualTo(second);
		assertThat(WindowFiles.startOf(WindowFiles.recording(dir, START))).isEqualTo(second);
		assertThat(WindowFiles.startOf(dir.resolve("notes.txt"))).isNull();
		assertThat(WindowFiles.startOf(dir.resolve("20261202T101500Z-cpu.html"))).isNull();
	}

	@Test
	void listsOnlyCompleteWindowsOldestFirst(@TempDir Path dir) throws IOException {
		Path later = Files.createFile(WindowFiles.window(dir, START.plusSeconds(60)));
		Path earlier = Files.createFile(WindowFiles.window(dir, START));
		Files.createFile(WindowFiles.recording(dir, START.plusSeconds(120)));
		Files.createFile(dir.resolve("merged-cpu.html"));
		assertThat(WindowFiles.complete(dir)).containsExactly(earlier, later);
		assertThat(WindowFiles.complete(dir.resolve("missing"))).isEmpty();
	}

	@Test
	void profileTypesAreNamedAsUsersTypeThem() {
		assertThat(ProfileType.of("WALL")).isEqualTo(ProfileType.WALL);
		assertThat(ProfileType.ALLOC.unit()).isEqualTo("bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> ProfileType.of("heap")).withMessageContaining("cpu, wall, alloc");
	}

}
