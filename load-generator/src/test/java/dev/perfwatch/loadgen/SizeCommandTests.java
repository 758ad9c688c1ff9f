package dev.perfwatch.loadgen;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code load-generator size} end to end: files in, table, JSON and the deploy env file out. */
class SizeCommandTests {

	@TempDir
	Path dir;

	@Test
	void writesTheSettingsDeployShReadsAndAJsonReport() throws IOException {
		CommandRunner command = new CommandRunner();
		Path env = this.dir.resolve("sizing.env");
		Path json = this.dir.resolve("sizing.json");

		int exit = command.run("size", "--rate", "250", "--p99", "1s", "--pricing", resource("pricing.json"),
				"--json", json.toString(), "--deploy-env", env.toString(), resource("known-curve.json"));

		assertThat(exit).as(command.err()).isZero();
		assertThat(Files.readAllLines(env)).filteredOn((line) -> !line.startsWith("#"))
			.containsExactly("FRONTEND_SERVICE_CPU=1", "FRONTEND_SERVICE_MEMORY=512Mi", "FRONTEND_SERVICE_CONCURRENCY=13",
					"FRONTEND_SERVICE_MIN_INSTANCES=1", "FRONTEND_SERVICE_MAX_INSTANCES=4", "DATA_SERVICE_CPU=2",
					"DATA_SERVICE_MEMORY=768Mi", "DATA_SERVICE_CONCURRENCY=11", "DATA_SERVICE_MIN_INSTANCES=0",
					"DATA_SERVICE_MAX_INSTANCES=4");
		assertThat(Files.readString(json)).contains("\"objective_met\" : true", "\"knee_rate\" : 100.0",
				"\"instance_based\" : 445.45", "\"cheaper_billing\" : \"instance-based\"", "\"memory\" : \"768Mi\"");
		assertThat(command.out()).contains("knee: 100 req/s offered")
			.containsPattern("frontend-service +1 +512Mi +13 +1 +4 +460.53 to 461.87 +149.80")
			.contains("cheaper at this steady rate: instance-based (deploy/deploy.sh --cpu-always-allocated)")
			.contains("one local CPU core stands for one Cloud Run vCPU")
			.contains("unverified: a test figure");
	}

	@Test
	void theRecordedRunOfTheLocalSuiteGivesTheCommittedRecommendation() throws IOException {
		// bench/sizing.sh on 2026-12-07 (bench/results/sizing-measurements.json), sized for
		// 100 req/s with the real pricing file: what bench/results/sizing.env holds.
		CommandRunner command = new CommandRunner();
		Path env = this.dir.resolve("sizing.env");

		int exit = command.run("size", "--rate", "100", "--p99", "1s", "--pricing", "../deploy/cloud-run-pricing.json",
				"--deploy-env", env.toString(), resource("recorded/measurements.json"));

		assertThat(exit).as(command.err()).isZero();
		assertThat(Files.readAllLines(env)).filteredOn((line) -> !line.startsWith("#"))
			.containsExactly("FRONTEND_SERVICE_CPU=1", "FRONTEND_SERVICE_MEMORY=512Mi", "FRONTEND_SERVICE_CONCURRENCY=13",
					"FRONTEND_SERVICE_MIN_INSTANCES=1", "FRONTEND_SERVICE_MAX_INSTANCES=2", "API_GATEWAY_SERVICE_CPU=1",
					"API_GATEWAY_SERVICE_MEMORY=512Mi", "API_GATEWAY_SERVICE_CONCURRENCY=12",
					"API_GATEWAY_SERVICE_MIN_INSTANCES=1", "API_GATEWAY_SERVICE_MAX_INSTANCES=2", "AUTH_SERVICE_CPU=1",
					"AUTH_SERVICE_MEMORY=512Mi", "AUTH_SERVICE_CONCURRENCY=2", "AUTH_SERVICE_MIN_INSTANCES=1",
					"AUTH_SERVICE_MAX_INSTANCES=2", "DATA_SERVICE_CPU=2", "DATA_SERVICE_MEMORY=512Mi",
					"DATA_SERVICE_CONCURRENCY=10", "DATA_SERVICE_MIN_INSTANCES=1", "DATA_SERVICE_MAX_INSTANCES=2");
		assertThat(command.out()).contains("knee: 100 req/s offered");
	}

	@Test
	void takesTheP99ObjectiveFromTheSloByDefault() {
		CommandRunner command = new CommandRunner();

		int exit = command.run("size", "--rate", "250", "--slo", "../monitoring/cloud/slos/latency-1s.json", "--pricing",
				resource("pricing.json"), resource("known-curve.json"));

		assertThat(exit).as(command.err()).isZero();
		assertThat(command.out()).contains("p99 objective 1000 ms (../monitoring/cloud/slos/latency-1s.json)");
	}

	@Test
	void readsTheRealPricingFile() {
		CommandRunner command = new CommandRunner();

		int exit = command.run("size", "--rate", "250", "--p99", "1s", "--pricing", "../deploy/cloud-run-pricing.json",
				resource("known-curve.json"));

		assertThat(exit).as(command.err()).isZero();
		assertThat(command.out()).contains("https://cloud.google.com/run/pricing read on ");
	}

	@Test
	void aP99NoStepMeetsExits1SaysSoAndWritesNoEnvFile() throws IOException {
		CommandRunner command = new CommandRunner();
		Path env = this.dir.resolve("sizing.env");
		Path json = this.dir.resolve("sizing.json");

		int exit = command.run("size", "--rate", "50", "--p99", "1s", "--pricing", resource("pricing.json"), "--json",
				json.toString(), "--deploy-env", env.toString(), resource("unmeetable.json"));

		assertThat(exit).isEqualTo(1);
		assertThat(command.out()).contains("FAILED: no measured step meets the objective: even the lowest, 10 req/s");
		assertThat(Files.readString(json)).contains("\"objective_met\" : false", "\"problem\" : \"no measured step");
		assertThat(env).doesNotExist();
	}

	@Test
	void aMissingMeasurementsFile() {
		CommandRunner.assertBadInput("load-generator: cannot read measurements /nonexistent/m.json", "size", "--rate", "10",
				"--p99", "1s", "--pricing", resource("pricing.json"), "/nonexistent/m.json");
	}

	@Test
	void malformedMeasurements() {
		CommandRunner.assertBadInput("load-generator: measurements " + resource("malformed.json") + " is not valid JSON (line 1",
				"size", "--rate", "10", "--p99", "1s", "--pricing", resource("pricing.json"), resource("malformed.json"));
	}

	@Test
	void aMissingField() {
		CommandRunner.assertBadInput("load-generator: measurements " + resource("missing-field.json") + ": steps[0].p99_ms is missing",
				"size", "--rate", "10", "--p99", "1s", "--pricing", resource("pricing.json"), resource("missing-field.json"));
	}

	@Test
	void aNegativeRate() {
		CommandRunner.assertBadInput("load-generator: rate -5 must be a positive number of requests per second", "size", "--rate",
				"-5", "--p99", "1s", "--pricing", resource("pricing.json"), resource("known-curve.json"));
	}

	@Test
	void aMissingPricingFile() {
		CommandRunner.assertBadInput("load-generator: cannot read pricing /nonexistent/p.json", "size", "--rate", "10", "--p99",
				"1s", "--pricing", "/nonexistent/p.json", resource("known-curve.json"));
	}

	private static String resource(String name) {
		try {
			return Path.of(SizeCommandTests.class.getResource("/sizing/" + name).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
