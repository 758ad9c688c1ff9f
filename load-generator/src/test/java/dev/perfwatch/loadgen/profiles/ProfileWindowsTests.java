package dev.perfwatch.loadgen.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfwatch.loadgen.profiles.ProfileWindows.Coverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows named as profile-format's README says ({@code <service>/<UTC start>.jfr}, ended at
 * their last-modified time), and requests around their edges.
 */
class ProfileWindowsTests {

	@TempDir
	Path dir;

	private ProfileWindows windows;

	@BeforeEach
	void writeWindows() throws IOException {
		// data-service 10:00:00-10:00:10, auth-service 10:00:11-10:00:21, frontend recording since 10:00:22
		window("data-service", "20261202T100000Z.jfr", "2026-12-02T10:00:10Z");
		window("auth-service", "20261202T100011Z.jfr", "2026-12-02T10:00:21Z");
		window("frontend-service", "20261202T100022Z.jfr.part", "2026-12-02T10:00:25Z");
		// left by a data-service that was killed at 09:59:30: older than its newest window, so not recording
		window("data-service", "20261202T095900Z.jfr.part", "2026-12-02T09:59:30Z");
		// what else lives there: the flame graphs profiles-cli writes, and stray files
		window("traces", "4bf92f3577b34da6a3ce929d0e0e4736-cpu.html", "2026-12-02T11:00:00Z");
		window("data-service", "notes.txt", "2026-12-02T11:00:00Z");
		Files.writeString(this.dir.resolve("20261202T090000Z.jfr"), "not in a service directory");
		Files.setLastModifiedTime(this.dir.resolve("20261202T090000Z.jfr"), time("2026-12-02T11:00:00Z"));
		this.windows = ProfileWindows.read(this.dir);
	}

	@Test
	void aRequestInsideAWindowIsProfiled() {
		assertThat(coverage("10:00:02.250", "10:00:03.100")).isEqualTo(Coverage.PROFILED);
	}

	@Test
	void aWindowCoversFromTheStartInItsNameToItsLastModifiedTimeInclusive() {
		assertThat(coverage("10:00:00", "10:00:10")).isEqualTo(Coverage.PROFILED);
		assertThat(coverage("09:59:59.999", "10:00:01")).isEqualTo(Coverage.BETWEEN_WINDOWS);
		assertThat(coverage("10:00:09", "10:00:10.001")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void aRequestStraddlingAWindowsEndIsNotProfiled() {
		assertThat(coverage("10:00:09.500", "10:00:10.500")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void aWindowOfAnotherServiceCounts() {
		assertThat(coverage("10:00:12", "10:00:13")).isEqualTo(Coverage.PROFILED);
	}

	@Test
	void twoAdjacentWindowsDoNotAddUpToOne() {
		assertThat(coverage("10:00:09", "10:00:12")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void aRequestInTheGapBetweenWindowsIsNotProfiled() {
		assertThat(coverage("10:00:10.200", "10:00:10.800")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void aRequestInsideTheWindowBeingRecordedIsNotProfiledYet() {
		assertThat(coverage("10:00:23", "10:00:24")).isEqualTo(Coverage.RECORDING);
		assertThat(coverage("10:00:21.500", "10:00:23")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void aPartFileLeftByADeadProcessIsNoWindow() {
		assertThat(coverage("09:59:10", "09:59:20")).isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	@Test
	void anEmptyDirectoryProfilesNothing(@TempDir Path empty) throws IOException {
		assertThat(ProfileWindows.read(empty).coverage(at("10:00:02"), at("10:00:03")))
			.isEqualTo(Coverage.BETWEEN_WINDOWS);
	}

	private Coverage coverage(String start, String end) {
		return this.windows.coverage(at(start), at(end));
	}

	private void window(String service, String name, String lastModified) throws IOException {
		Path file = Files.createDirectories(this.dir.resolve(service)).resolve(name);
		Files.writeString(file, "JFR window bytes do not matter here");
		Files.setLastModifiedTime(file, time(lastModified));
	}

	private static Instant at(String utcTime) {
		return Instant.parse("2026-12-02T" + utcTime + "Z");
	}

	private static FileTime time(String instant) {
		return FileTime.from(Instant.parse(instant));
	}

}
