package dev.perfwatch.loadgen.profiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesCommandTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static Path recording;

	@TempDir
	static Path recordings;

	@TempDir
	Path profiles;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void recordOnce() throws IOException {
		recording = SampleRecording.record(recordings.resolve("sample.jfr"), Duration.ofMillis(1500));
	}

	@Test
	void printsTopFramesBySelfAndTotalAndWritesOneMergedFlameGraph() throws IOException {
		window("svc", NOW.minusSeconds(60));
		window("svc", NOW.minusSeconds(120));
		Path html = this.profiles.resolve("out/merged.html");

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--top", "5", "--html", html.toString());

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("cpu profile of svc: 2 windows (20261124T115800Z to 20261124T115900Z)")
			.contains("Top 5 frames by self:")
			.contains("Top 5 frames by total:")
			.containsPattern("(?m)^\\s+\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d\\s+dev\\.perfwatch\\.loadgen\\.profiles\\.SampleRecording\\$HotLoop\\.spin$")
			.contains("Flame graph: " + html.toAbsolutePath());
		assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("HotLoop.spin").contains("svc cpu, 2 windows");
	}

	@Test
	void allocationProfileIsWeighedInBytes() throws IOException {
		window("svc", NOW.minusSeconds(30));

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--type", "alloc");

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern("alloc profile of svc: 1 windows .*, [\\d,]+ bytes")
			// The JIT may inline Allocator.fill into the recording loop, so either frame may carry the bytes.
			.containsPattern("dev\\.perfwatch\\.loadgen\\.profiles\\.SampleRecording(\\$Allocator\\.fill|\\.record)");
		assertThat(this.profiles.resolve("svc/merged-alloc.html")).isNotEmptyFile();
	}

	@Test
	void windowsBeforeTheRangeAreLeftOut() throws IOException {
		window("svc", NOW.minus(Duration.ofMinutes(20)));

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--since", "10m");

		assertThat(exit).isEqualTo(ProfilesCommand.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).startsWith("profiles: no cpu windows of 'svc' since 2026-11-24T11:50:00Z");
	}

	@Test
	void unknownServiceNamesTheServicesThatExist() throws IOException {
		window("frontend-service", NOW.minusSeconds(30));

		int exit = run("--dir", this.profiles.toString(), "--service", "frontend");

		assertThat(exit).isEqualTo(ProfilesCommand.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("no profiles for service 'frontend'")
			.contains("services there: frontend-service");
	}

	@Test
	void corruptRecordingIsReportedByName() throws IOException {
		Path serviceDir = Files.createDirectories(this.profiles.resolve("svc"));
		Path corrupt = serviceDir.resolve(TIMESTAMP.format(NOW.minusSeconds(30)) + "-cpu.jfr");
		// A JFR header cut short, as a killed writer leaves it.
		Files.write(corrupt, new byte[] { 'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0 });

		int exit = run("--dir", this.profiles.toString(), "--service", "svc");

		assertThat(exit).isEqualTo(ProfilesCommand.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).startsWith("profiles: cannot read " + corrupt);
	}

	@Test
	void unknownTypeIsAUsageError() {
		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--type", "heap");

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString()).contains("'heap' is not one of cpu, alloc, wall");
	}

	@Test
	void durationsReadLikeTheServicesSettings() {
		DurationConverter converter = new DurationConverter();
		assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
	}

	private void window(String service, Instant start) throws IOException {
		Path serviceDir = Files.createDirectories(this.profiles.resolve(service));
		for (String type : new String[] { "cpu", "alloc", "wall" }) {
			Files.copy(recording, serviceDir.resolve(TIMESTAMP.format(start) + "-" + type + ".jfr"));
		}
	}

	private int run(String... args) {
		CommandLine command = new CommandLine(new ProfilesCommand(Clock.fixed(NOW, ZoneOffset.UTC)));
		command.setOut(new PrintWriter(this.out, true));
		command.setErr(new PrintWriter(this.err, true));
		return command.execute(args);
	}

}
