package dev.perfwatch.loadgen;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.report.JsonReports;
import dev.perfwatch.loadgen.report.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code load-generator compare} on recorded cohorts (src/test/resources/compare): three rounds
 * per side in the --out report format, with CPU ms per request per service.
 */
class CompareCommandTests {

	@TempDir
	Path dir;

	@Test
	void identicalCohortsPass() throws Exception {
		CommandRunner command = new CommandRunner();

		int exit = command.run(args(rounds("base"), rounds("base"), cpu("cpu-base", "cpu-base")));

		assertThat(exit).isZero();
		assertThat(command.out()).contains("verdict: pass").doesNotContain("REGRESSION").doesNotContain("IMPROVEMENT");
		assertThat(row(command.out(), "data-service CPU ms/req")).contains("+0.0%").endsWith("PASS");
		assertThat(row(command.out(), "throughput req/s")).contains("+0.0%").endsWith("PASS");
	}

	@Test
	void lowerThroughputAndMoreCpuInDataServiceIsARegressionNamingDataServicesCpu() throws Exception {
		CommandRunner command = new CommandRunner();
		Path verdict = this.dir.resolve("verdict.json");

		int exit = command.run(args(rounds("base"), rounds("slower-data"), cpu("cpu-base", "cpu-slower-data"), "--json",
				verdict.toString()));

		assertThat(exit).isEqualTo(1);
		assertThat(verdictLine(command.out())).startsWith("verdict: regression: ")
			.contains("data-service CPU ms/req +48.2%")
			.contains("throughput req/s -19.9%")
			.doesNotContain("frontend-service")
			.doesNotContain("auth-service");
		assertThat(row(command.out(), "data-service CPU ms/req")).endsWith("REGRESSION");
		assertThat(row(command.out(), "api-gateway-service CPU ms/req")).endsWith("PASS");
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(verdict));
		assertThat(json.path("verdict").asString()).isEqualTo("regression");
		assertThat(json.path("decided_by")).anySatisfy((metric) -> {
			assertThat(metric.path("metric").asString()).isEqualTo("cpu_ms_per_request");
			assertThat(metric.path("service").asString()).isEqualTo("data-service");
			assertThat(metric.path("change_percent").doubleValue())
				.isGreaterThan(metric.path("tolerance_percent").doubleValue());
		});
		assertThat(json.path("decided_by")).extracting((metric) -> metric.path("service").asString(null))
			.containsOnly("data-service", null);
	}

	@Test
	void aFasterHeadIsAnImprovement() throws Exception {
		CommandRunner command = new CommandRunner();

		int exit = command.run(args(rounds("base"), rounds("faster"), cpu("cpu-base", "cpu-faster")));

		assertThat(exit).isZero();
		assertThat(verdictLine(command.out())).startsWith("verdict: improvement: ")
			.contains("throughput req/s +15.6%")
			.contains("data-service CPU ms/req -19.4%");
		assertThat(command.out()).doesNotContain("REGRESSION");
	}

	/**
	 * The false-alarm protection: every figure of the head rounds is 5-9 % worse on average, which
	 * a fixed 5 % threshold would call a regression, but the rounds themselves spread by 12-22 %.
	 */
	@Test
	void noisyCohortsWhoseDifferenceIsInsideTheirSpreadPass() throws Exception {
		CommandRunner command = new CommandRunner();
		Path verdict = this.dir.resolve("verdict.json");

		int exit = command.run(args(rounds("noisy-base"), rounds("noisy-head"), cpu("cpu-noisy-base", "cpu-noisy-head"),
				"--json", verdict.toString()));

		assertThat(exit).isZero();
		assertThat(verdictLine(command.out())).isEqualTo("verdict: pass: every change is within its tolerance");
		JsonNode metrics = JsonMapper.builder().build().readTree(Files.readString(verdict)).path("metrics");
		assertThat(metrics).hasSize(7).allSatisfy((metric) -> {
			double change = metric.path("change_percent").doubleValue();
			double worsening = metric.path("better").asString().equals("higher") ? -change : change;
			assertThat(worsening).as(metric.toString()).isGreaterThan(5);
			assertThat(metric.path("tolerance_percent").doubleValue()).as(metric.toString()).isGreaterThan(worsening);
			assertThat(metric.path("verdict").asString()).isEqualTo("pass");
		});
	}

	@Test
	void withoutCpuFilesOnlyTheLoadFiguresAreCompared() throws Exception {
		CommandRunner command = new CommandRunner();

		int exit = command.run(args(rounds("base"), rounds("slower-data"), List.of()));

		assertThat(exit).isEqualTo(1);
		assertThat(command.out()).doesNotContain("CPU ms/req");
		assertThat(verdictLine(command.out())).contains("throughput req/s -19.9%");
	}

	/** The contract, not timing: compare takes the figures the generator's --out wrote. */
	@Test
	void readsTheFiguresOfTheReportsTheGeneratorWrites() throws Exception {
		List<Path> rounds = new ArrayList<>();
		for (int round = 1; round <= 4; round++) {
			rounds.add(round(round));
		}
		Path verdict = this.dir.resolve("verdict.json");
		CommandRunner command = new CommandRunner();

		int exit = command.run("compare", "--base", rounds.get(0).toString(), "--base", rounds.get(2).toString(),
				"--head", rounds.get(1).toString(), "--head", rounds.get(3).toString(), "--json", verdict.toString());

		assertThat(exit).as(command.out() + command.err()).isIn(0, 1);
		JsonNode metrics = JsonMapper.builder().build().readTree(Files.readString(verdict)).path("metrics");
		List<Report> reports = rounds.stream().map(JsonReports::read).toList();
		assertThat(values(metrics.get(0), "base")).containsExactly(reports.get(0).rate().achieved(),
				reports.get(2).rate().achieved());
		assertThat(values(metrics.get(1), "head")).containsExactly(reports.get(1).latencyMs().p50(),
				reports.get(3).latencyMs().p50());
		assertThat(values(metrics.get(2), "base")).containsExactly(reports.get(0).latencyMs().p99(),
				reports.get(2).latencyMs().p99());
	}

	@Test
	void theHelpExplainsTheToleranceAndTheExitCodes() {
		CommandRunner command = new CommandRunner();

		int exit = command.run("compare", "--help");

		assertThat(exit).isZero();
		assertThat(command.out()).contains("Usage: load-generator compare")
			.contains("--cpu-base")
			.contains("pooled coefficient of variation")
			.contains("Exit codes: 0 pass or improvement, 1 regression, 2 bad input");
	}

	private Path round(int round) throws Exception {
		Path out = this.dir.resolve("round-" + round + ".json");
		try (ScriptedServer server = new ScriptedServer((n) -> ScriptedServer.Answer.ok(0))) {
			assertThat(new CommandRunner().run("-n", "40", "-c", "2", "--progress", "off", "--out", out.toString(),
					server.url())).isZero();
		}
		return out;
	}

	private static List<Double> values(JsonNode metric, String side) {
		List<Double> values = new ArrayList<>();
		metric.path(side).forEach((value) -> values.add(value.doubleValue()));
		return values;
	}

	/** compare --base B ... --head H ... CPU options, more options. */
	@Test
	void pairedTheTableSaysSoAndTheJsonCarriesIt() throws Exception {
		CommandRunner command = new CommandRunner();
		Path verdict = this.dir.resolve("paired.json");

		int exit = command.run(args(rounds("base"), rounds("slower-data"), cpu("cpu-base", "cpu-slower-data"), "--paired",
				"--json", verdict.toString()));

		assertThat(exit).as(command.err()).isEqualTo(1);
		assertThat(command.out()).contains("compare: 3 base rounds, 3 head rounds, paired")
			.contains("standard deviation of the pairs' head/base ratios");
		assertThat(row(command.out(), "data-service CPU ms/req")).endsWith("REGRESSION");
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(verdict));
		assertThat(json.path("paired").asBoolean()).isTrue();
		assertThat(json.path("verdict").asString()).isEqualTo("regression");
	}

	@Test
	void theRecordedSlowdownOfTheDemonstrationIsARegressionOfDataServicesCpuAlone() throws Exception {
		// bench/regression-demo.sh, 2026-12-07: six pairs of 12 s rounds, the head's analysis loop ten
		// times over; recorded as the gate read them.
		List<String> base = new ArrayList<>();
		List<String> head = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			base.add(fixture("recorded-slowdown/base-" + round));
			head.add(fixture("recorded-slowdown/head-" + round));
		}
		CommandRunner command = new CommandRunner();

		int exit = command.run(args(base, head, cpu("recorded-slowdown/cpu-base", "recorded-slowdown/cpu-head"), "--paired"));

		assertThat(exit).isEqualTo(1);
		assertThat(verdictLine(command.out())).startsWith("verdict: regression: data-service CPU ms/req +")
			.doesNotContain(",");
		assertThat(row(command.out(), "throughput req/s")).endsWith("PASS");
	}

	static String[] args(List<String> base, List<String> head, List<String> cpu, String... more) {
		List<String> args = new ArrayList<>(List.of("compare"));
		base.forEach((round) -> args.addAll(List.of("--base", round)));
		head.forEach((round) -> args.addAll(List.of("--head", round)));
		args.addAll(cpu);
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	static List<String> cpu(String base, String head) throws URISyntaxException {
		return List.of("--cpu-base", fixture(base), "--cpu-head", fixture(head));
	}

	static List<String> rounds(String name) throws URISyntaxException {
		List<String> rounds = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			rounds.add(fixture(name + "-" + round));
		}
		return rounds;
	}

	static String fixture(String name) throws URISyntaxException {
		return Path.of(CompareCommandTests.class.getResource("/compare/" + name + ".json").toURI()).toString();
	}

	private static String row(String out, String label) {
		return out.lines()
			.filter((line) -> line.startsWith("  " + label + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out))
			.strip();
	}

	private static String verdictLine(String out) {
		List<String> verdicts = out.lines().filter((line) -> line.startsWith("verdict: ")).toList();
		assertThat(verdicts).as(out).hasSize(1);
		return verdicts.get(0);
	}

}
