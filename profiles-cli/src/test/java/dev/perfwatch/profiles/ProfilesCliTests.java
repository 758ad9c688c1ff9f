package dev.perfwatch.profiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.perfwatch.profiles.pprof.PprofFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.perfwatch.profiles.format.WindowFiles;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesCliTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static Path recording;

	private static Path changedRecording;

	@TempDir
	static Path recordings;

	@TempDir
	Path profiles;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void recordOnce() throws IOException {
		recording = SampleRecording.record(recordings.resolve("sample.jfr"), Duration.ofMillis(1500));
		changedRecording = SampleRecording.record(recordings.resolve("changed.jfr"), Duration.ofMillis(1500), true);
	}

	@Test
	void listsYourCodeFirstWithoutTheJdkOrFrameworks() throws IOException {
		window("svc", NOW.minusSeconds(60));

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--top", "5");

		assertThat(exit).as(this.err.toString()).isZero();
		String yours = section(this.out.toString(), "Your code, top 5 by total");
		assertThat(yours).contains("dev.perfwatch.profiles.SampleRecording$HotLoop.spin")
			.doesNotContain(" java.")
			.doesNotContain(" jdk.");
	}

	@Test
	void writesTheServiceProfileInPprofFormatOnDemand() throws IOException {
		window("svc", NOW.minusSeconds(60));
		Path pprof = this.profiles.resolve("svc-cpu.pb.gz");

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--pprof", pprof.toString());

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("pprof: " + pprof.toAbsolutePath());
		PprofFile decoded = PprofFile.read(pprof);
		assertThat(decoded.sampleType()).containsExactly("cpu", "samples");
		long all = decoded.samples().values().stream().mapToLong(Long::longValue).sum();
		long spinning = decoded.samples().entrySet().stream()
			.filter((sample) -> sample.getKey().contains("dev.perfwatch.profiles.SampleRecording$HotLoop.spin"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		assertThat(spinning).as("samples in HotLoop.spin of " + all).isGreaterThan(all / 2);
	}

	@Test
	void pprofGoesWithServiceOnly() {
		int exit = run("--dir", this.profiles.toString(), "--trace", "4bf92f3577b34da6a3ce929d0e0e4736", "--pprof", "x.pb.gz");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("--pprof goes with --service");
	}

	@Test
	void framesHiddenFromYourCodeAreConfigurable() throws IOException {
		window("svc", NOW.minusSeconds(60));

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--hide", "dev.perfwatch.profiles.");

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(section(this.out.toString(), "Your code, top 15 by total")).doesNotContain("SampleRecording");
	}

	@Test
	void diffOfTwoDirectoriesNamesTheAddedWorkFirst() throws IOException {
		window("svc", NOW.minusSeconds(60));
		Path after = this.profiles.resolveSibling(this.profiles.getFileName() + "-after");
		Files.createDirectories(after.resolve("svc"));
		Files.copy(changedRecording, WindowFiles.window(after.resolve("svc"), NOW.minusSeconds(30)));
		Path html = after.resolve("diff.html");

		int exit = run("--diff", "--base-dir", this.profiles.toString(), "--dir", after.toString(), "--html", html.toString());

		assertThat(exit).as(this.err.toString()).isZero();
		String yours = section(this.out.toString(), "Your code, the largest changes");
		assertThat(yours).contains("grew most:").contains("shrank most:");
		assertThat(yours.lines().filter((line) -> line.matches("\\s+[+-]\\d.*")).findFirst()).hasValueSatisfying(
				(first) -> assertThat(first).matches("\\s+\\+\\d+\\.\\d\\d .*SampleRecording\\$ExtraWork\\.spin"));
		assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").contains("ExtraWork.spin");
	}

	@Test
	void diffAcrossAMomentNamesTheWorkAddedAfterItFirst() throws IOException {
		window("svc", NOW.minusSeconds(600));
		Files.copy(changedRecording, WindowFiles.window(this.profiles.resolve("svc"), NOW.minusSeconds(60)));

		int exit = run("--dir", this.profiles.toString(), "--diff", "--split-at", "5m");

		assertThat(exit).as(this.err.toString()).isZero();
		String yours = section(this.out.toString(), "Your code, the largest changes");
		assertThat(yours.lines().filter((line) -> line.matches("\\s+[+-]\\d.*")).findFirst()).hasValueSatisfying(
				(first) -> assertThat(first).matches("\\s+\\+\\d+\\.\\d\\d .*SampleRecording\\$ExtraWork\\.spin"));
	}

	@Test
	void diffAcrossAMomentWithNothingOnOneSideSaysSoInOneLine() throws IOException {
		window("svc", NOW.minusSeconds(60));

		int exit = run("--dir", this.profiles.toString(), "--diff", "--split-at", "5m");

		assertThat(exit).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(this.err.toString()).hasLineCount(1).contains("0 before").contains("1 after; a diff needs both");
	}

	@Test
	void aTraceInNoWindowIsNotFoundInOneLine() throws IOException {
		window("svc", NOW.minusSeconds(60));

		int exit = run("--dir", this.profiles.toString(), "--trace", "4bf92f3577b34da6a3ce929d0e0e4736");

		assertThat(exit).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(this.err.toString()).hasLineCount(1)
			.startsWith("profiles: trace 4bf92f3577b34da6a3ce929d0e0e4736 is in none of the 1 windows of svc");
	}

	@Test
	void aMalformedTraceIdIsBadInput() throws IOException {
		window("svc", NOW.minusSeconds(60));

		int exit = run("--dir", this.profiles.toString(), "--trace", "not-a-trace");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("'not-a-trace' is not a trace id");
	}

	@Test
	void aTruncatedRecordingIsReportedByNameInOneLine() throws IOException {
		Path serviceDir = Files.createDirectories(this.profiles.resolve("svc"));
		byte[] whole = Files.readAllBytes(recording);
		Path truncated = WindowFiles.window(serviceDir, NOW.minusSeconds(30));
		Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

		int exit = run("--dir", this.profiles.toString(), "--trace", "4bf92f3577b34da6a3ce929d0e0e4736");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).startsWith("profiles: cannot read " + truncated);
	}

	@Test
	void anEmptyOrMissingDirectoryIsSaidPlainly() throws IOException {
		int empty = run("--dir", this.profiles.toString(), "--trace", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(empty).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(this.err.toString()).hasLineCount(1).contains("no profile windows in " + this.profiles);

		this.err.getBuffer().setLength(0);
		int missing = run("--dir", this.profiles.resolve("nope").toString(), "--diff");
		assertThat(missing).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("no profiles directory");
	}

	@Test
	void exactlyOneOfServiceTraceAndDiffIsChosen() {
		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--trace", "4bf92f3577b34da6a3ce929d0e0e4736");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("choose one of --service, --trace or --diff");
	}

	@Test
	void printsTopFramesBySelfAndTotalAndWritesOneMergedFlameGraph() throws IOException {
		window("svc", NOW.minusSeconds(60));
		window("svc", NOW.minusSeconds(120));
		Path html = this.profiles.resolve("out/merged.html");

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--top", "5", "--html", html.toString());

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("cpu profile of svc: 2 windows (20261124T115800Z to 20261124T115900Z)")
			.contains("All code, top 5 by self:")
			.contains("All code, top 5 by total:")
			.containsPattern("(?m)^\\s+\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d\\s+dev\\.perfwatch\\.profiles\\.SampleRecording\\$HotLoop\\.spin$")
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
			.containsPattern("dev\\.perfwatch\\.profiles\\.SampleRecording(\\$Allocator\\.fill|\\.record)");
		assertThat(this.profiles.resolve("svc/merged-alloc.html")).isNotEmptyFile();
	}

	@Test
	void windowsBeforeTheRangeAreLeftOut() throws IOException {
		window("svc", NOW.minus(Duration.ofMinutes(20)));

		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--since", "10m");

		assertThat(exit).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(this.err.toString()).hasLineCount(1).startsWith("profiles: no windows of 'svc' since 2026-11-24T11:50:00Z");
	}

	@Test
	void unknownServiceNamesTheServicesThatExist() throws IOException {
		window("frontend-service", NOW.minusSeconds(30));

		int exit = run("--dir", this.profiles.toString(), "--service", "frontend");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).contains("no profiles for service 'frontend'")
			.contains("services there: frontend-service");
	}

	@Test
	void corruptRecordingIsReportedByName() throws IOException {
		Path serviceDir = Files.createDirectories(this.profiles.resolve("svc"));
		Path corrupt = WindowFiles.window(serviceDir, NOW.minusSeconds(30));
		// A JFR header cut short, as a killed writer leaves it.
		Files.write(corrupt, new byte[] { 'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0 });

		int exit = run("--dir", this.profiles.toString(), "--service", "svc");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).hasLineCount(1).startsWith("profiles: cannot read " + corrupt);
	}

	@Test
	void unknownTypeIsAUsageError() {
		int exit = run("--dir", this.profiles.toString(), "--service", "svc", "--type", "heap");

		assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(this.err.toString()).contains("'heap' is not one of cpu, wall, alloc");
	}

	@Test
	void durationsReadLikeTheLoadGeneratorsAndInDays() {
		DurationConverter converter = new DurationConverter();
		assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
		assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
	}

	private void window(String service, Instant start) throws IOException {
		Path serviceDir = Files.createDirectories(this.profiles.resolve(service));
		Files.copy(recording, WindowFiles.window(serviceDir, start));
	}

	private int run(String... args) {
		return ProfilesCli.commandLine(new ProfilesCli(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)),
				new PrintWriter(this.out, true), new PrintWriter(this.err, true))
			.execute(args);
	}

	/**
	 * @return the lines of the output from the heading to the next blank line
	 */
	private static String section(String output, String heading) {
		int start = output.indexOf(heading);
		assertThat(start).as("'" + heading + "' in:%n%s", output).isNotNegative();
		int end = output.indexOf("\n\n", start);
		return output.substring(start, (end < 0) ? output.length() : end);
	}

}
