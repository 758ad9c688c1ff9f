package dev.perfwatch.loadgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfwatch.loadgen.report.JsonReports;
import dev.perfwatch.loadgen.report.Report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the whole command against a local server that answers every request after 20 ms and
 * fails every tenth with a 500, then checks the report against what the server did.
 */
class LoadGeneratorTests {

	@TempDir
	Path dir;

	@Test
	void reportsCountsFailuresAndPercentilesOfAKnownServer() throws Exception {
		try (ScriptedServer server = new ScriptedServer(
				(n) -> new ScriptedServer.Answer(20, (n % 10 == 9) ? 500 : 200))) {
			CommandRunner command = new CommandRunner();
			Path json = this.dir.resolve("run.json");

			int exit = command.run("--requests", "200", "--concurrency", "4", "--progress", "off", "--out",
					json.toString(), "--html", this.dir.resolve("run.html").toString(), server.url());

			assertThat(exit).as(command.err()).isZero();
			Report report = JsonReports.read(json);
			assertThat(report.requests().sent()).isEqualTo(200);
			assertThat(report.requests().succeeded()).isEqualTo(180);
			assertThat(report.requests().failed()).isEqualTo(20);
			assertThat(report.errors().byStatusClass()).containsEntry("5xx", 20L);
			assertThat(report.errors().ratio()).isCloseTo(0.10, within(1e-9));
			assertThat(report.latencyMs().count()).isEqualTo(200);
			assertThat(report.latencyMs().min()).isGreaterThanOrEqualTo(20);
			assertThat(report.latencyMs().p50()).isBetween(20.0, 120.0);
			assertThat(report.rate().target()).isNull();
			assertThat(report.rate().achieved()).isPositive();
			assertThat(report.slowest()).hasSize(10);
			assertThat(report.slowest().get(0).traceUrl())
				.isEqualTo("http://127.0.0.1:9411/zipkin/traces/" + report.slowest().get(0).traceId());
			assertThat(report.settings().mode()).isEqualTo("closed");
			// 200 measured requests plus the reachability probe, each with its own trace.
			assertThat(server.traceparents()).hasSize(201).allMatch((header) -> header.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
			assertThat(new HashSet<>(server.traceparents())).hasSize(201);
			assertThat(this.dir.resolve("run.hlog")).exists();
			assertThat(Files.readString(this.dir.resolve("run.hlog"))).contains("#[StartTime:");
			assertThat(Files.readString(this.dir.resolve("run.html"))).contains("<svg").doesNotContain("<script src");
			assertThat(command.out()).contains("failed 20").contains("HTTP 5xx 20");
		}
	}

	@Test
	void theJsonReportKeepsItsContractFieldNames() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n) -> ScriptedServer.Answer.ok(0))) {
			CommandRunner command = new CommandRunner();
			Path json = this.dir.resolve("contract.json");

			command.run("--rate", "50", "--duration", "1s", "--progress", "off", "--out", json.toString(), server.url());

			String text = Files.readString(json);
			for (String field : new String[] { "\"requests\"", "\"sent\"", "\"succeeded\"", "\"failed\"", "\"rate\"",
					"\"target\"", "\"achieved\"", "\"latency_ms\"", "\"min\"", "\"mean\"", "\"p50\"", "\"p90\"",
					"\"p95\"", "\"p99\"", "\"p999\"", "\"max\"", "\"errors\"", "\"slowest\"", "\"trace_id\"",
					"\"settings\"", "\"late_starts\"", "\"dropped_starts\"", "\"histogram_log\"" }) {
				assertThat(text).contains(field);
			}
			Report report = JsonReports.read(json);
			assertThat(report.rate().target()).isEqualTo(50.0);
			assertThat(report.requests().sent()).isEqualTo(50);
		}
	}

	@Test
	void aFailedGateExitsOneWithAOneLineReason() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n) -> new ScriptedServer.Answer(0, (n % 2 == 0) ? 503 : 200))) {
			CommandRunner command = new CommandRunner();

			int exit = command.run("-n", "40", "-c", "2", "--progress", "off", "--fail-if", "errors>1%", "--fail-if",
					"p99>10s", server.url());

			assertThat(exit).isEqualTo(1);
			assertThat(command.out().lines().filter((line) -> line.startsWith("FAILED: "))).hasSize(1)
				.first()
				.asString()
				.startsWith("FAILED: gate 'errors>1%' failed: errors was");
		}
	}

	@Test
	void aRegressionAgainstTheBaselineExitsOne() throws Exception {
		Path fast = this.dir.resolve("fast.json");
		try (ScriptedServer server = new ScriptedServer((n) -> ScriptedServer.Answer.ok(0))) {
			assertThat(new CommandRunner().run("-n", "60", "-c", "2", "--progress", "off", "--out", fast.toString(),
					server.url())).isZero();
		}
		try (ScriptedServer slow = new ScriptedServer((n) -> ScriptedServer.Answer.ok(60))) {
			CommandRunner command = new CommandRunner();

			int exit = command.run("-n", "60", "-c", "2", "--progress", "off", "--baseline", fast.toString(),
					"--tolerance", "10%", slow.url());

			assertThat(exit).isEqualTo(1);
			assertThat(command.out()).contains("baseline comparison (tolerance 10%)").contains("REGRESSION")
				.contains("FAILED: regression against " + fast);
		}
	}

}
