package dev.perfwatch.loadgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.perfwatch.loadgen.CompareCommandTests.args;
import static dev.perfwatch.loadgen.CompareCommandTests.cpu;
import static dev.perfwatch.loadgen.CompareCommandTests.fixture;
import static dev.perfwatch.loadgen.CompareCommandTests.rounds;
import static org.assertj.core.api.Assertions.assertThat;

/** compare's mistakes end in one line on standard error and exit code 2, never a stack trace. */
class CompareBadInputTests {

	@TempDir
	Path dir;

	@Test
	void aMissingRound() throws Exception {
		List<String> head = List.of(fixture("base-1"), "/nonexistent/b2.json");

		assertOneLineExit2("load-generator: cannot read /nonexistent/b2.json: no such file",
				args(rounds("base"), head, List.of()));
	}

	@Test
	void aTruncatedReport() throws Exception {
		List<String> head = List.of(fixture("base-1"), fixture("truncated"));

		assertOneLineExit2("load-generator: " + fixture("truncated") + " is not valid JSON",
				args(rounds("base"), head, List.of()));
	}

	@Test
	void aJsonFileThatIsNotAReport() throws Exception {
		List<String> head = List.of(fixture("base-1"), fixture("cpu-base"));

		assertOneLineExit2("load-generator: " + fixture("cpu-base") + " is not a load-generator --out report",
				args(rounds("base"), head, List.of()));
	}

	@Test
	void aReportWithoutItsP99() throws Exception {
		Path report = this.dir.resolve("no-p99.json");
		Files.writeString(report, Files.readString(Path.of(fixture("base-1"))).replace("\"p99\"", "\"q99\""));

		assertOneLineExit2("load-generator: " + report + " is not a load-generator --out report: no number of zero or "
				+ "more at latency_ms.p99", args(rounds("base"), List.of(fixture("base-2"), report.toString()), List.of()));
	}

	@Test
	void oneRoundPerSide() throws Exception {
		assertOneLineExit2("load-generator: compare needs at least 2 rounds per side to judge their spread: got 1 --head",
				args(rounds("base"), List.of(fixture("faster-1")), List.of()));
	}

	@Test
	void pairedRoundsOfUnequalCounts() throws Exception {
		assertOneLineExit2("load-generator: --paired needs as many head rounds as base rounds, got 3 and 2",
				args(rounds("base"), List.of(fixture("faster-1"), fixture("faster-2")), List.of(), "--paired"));
	}

	@Test
	void noRoundsAtAll() {
		assertOneLineExit2("load-generator: compare needs at least 2 rounds per side", "compare");
	}

	@Test
	void cpuOfOneSideOnly() throws Exception {
		assertOneLineExit2("load-generator: --cpu-base and --cpu-head go together",
				args(rounds("base"), rounds("faster"), List.of("--cpu-base", fixture("cpu-base"))));
	}

	@Test
	void fewerCpuRoundsThanReports() throws Exception {
		Path cpu = this.dir.resolve("cpu.json");
		Files.writeString(cpu, "{\"rounds\": [{\"data-service\": 3.1}, {\"data-service\": 3.2}]}");

		assertOneLineExit2("load-generator: " + cpu + " has 2 rounds but 3 --head reports were given",
				args(rounds("base"), rounds("faster"), List.of("--cpu-base", fixture("cpu-base"), "--cpu-head",
						cpu.toString())));
	}

	@Test
	void cpuFilesThatNameDifferentServices() throws Exception {
		Path cpu = this.dir.resolve("cpu.json");
		Files.writeString(cpu, "{\"rounds\": [{\"data-service\": 3.1}, {\"data-service\": 3.2}, {\"data-service\": 3}]}");

		assertOneLineExit2("load-generator: the CPU files name different services",
				args(rounds("base"), rounds("faster"), List.of("--cpu-base", fixture("cpu-base"), "--cpu-head",
						cpu.toString())));
	}

	@Test
	void aCpuFigureThatIsNotANumber() throws Exception {
		Path cpu = this.dir.resolve("cpu.json");
		Files.writeString(cpu, "{\"rounds\": [{\"data-service\": 3.1}, {\"data-service\": \"3.2\"}, {\"data-service\": 3}]}");

		assertOneLineExit2("load-generator: " + cpu + " is not a CPU file",
				args(rounds("base"), rounds("faster"), List.of("--cpu-base", cpu.toString(), "--cpu-head",
						cpu.toString())));
	}

	@Test
	void aBadMinimumTolerance() throws Exception {
		assertOneLineExit2("load-generator: 'tiny' is not a percentage",
				args(rounds("base"), rounds("faster"), cpu("cpu-base", "cpu-faster"), "--min-tolerance", "tiny"));
	}

	@Test
	void anUnknownOption() throws Exception {
		assertOneLineExit2("load-generator: Unknown option",
				args(rounds("base"), rounds("faster"), List.of(), "--baseline", "x.json"));
	}

	private static void assertOneLineExit2(String expectedStart, String... args) {
		assertThat(CommandRunner.assertBadInput(expectedStart, args).out()).doesNotContain("verdict:");
	}

}
