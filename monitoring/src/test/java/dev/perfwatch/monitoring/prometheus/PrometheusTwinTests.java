package dev.perfwatch.monitoring.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.monitoring.v3.AlertPolicy;
import com.google.protobuf.util.JsonFormat;
import dev.perfwatch.monitoring.Promtool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The local Prometheus twin, checked and unit-tested by Prometheus's own promtool. */
class PrometheusTwinTests {

	private static final Path PROMETHEUS = Path.of("prometheus");

	private static final Pattern ALERT_NAME = Pattern.compile("(?m)^\\s*- alert: (\\w+)");

	@Test
	void scrapeConfigIsValidAndLoadsEveryRuleFile() throws Exception {
		Promtool.Result result = Promtool.run("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());

		assertThat(result.succeeded()).as(result.output()).isTrue();
		assertThat(result.output()).contains("SUCCESS: 3 rule files found");
	}

	@Test
	void ruleFilesAreValid() throws Exception {
		Promtool.Result result = Promtool.run(Stream.concat(Stream.of("check", "rules"), ruleFiles().stream())
			.toArray(String[]::new));

		assertThat(result.succeeded()).as(result.output()).isTrue();
	}

	@Test
	void latencyErrorRatioAndBurnRateAlertsFireAndStayQuietAsSpecified() throws Exception {
		Promtool.Result result = Promtool.run("test", "rules", PROMETHEUS.resolve("tests/alerts_test.yml").toString());

		assertThat(result.succeeded()).as(result.output()).isTrue();
	}

	@Test
	void leakAlertFiresOnSteadilyRisingHeapButNotOnGcSawtoothOrFlatHighHeap() throws Exception {
		Promtool.Result result = Promtool.run("test", "rules", PROMETHEUS.resolve("tests/leak_test.yml").toString());

		assertThat(result.succeeded()).as(result.output()).isTrue();
	}

	@Test
	void everyAlertHasATestWhereItFiresAndOneWhereItMustNot() throws IOException {
		String tests = Files.readString(PROMETHEUS.resolve("tests/alerts_test.yml"))
				+ Files.readString(PROMETHEUS.resolve("tests/leak_test.yml"));
		for (Path rules : ruleFiles().stream().map(Path::of).toList()) {
			Matcher alert = ALERT_NAME.matcher(Files.readString(rules));
			while (alert.find()) {
				String name = alert.group(1);
				assertThat(tests).as(name + " must fire somewhere")
					.containsPattern("alertname: " + name + "\\s+exp_alerts:\\s+- exp_labels");
				assertThat(tests).as(name + " must stay quiet somewhere")
					.containsPattern("alertname: " + name + "\\s+exp_alerts: \\[\\]");
			}
		}
	}

	@Test
	void demoRulesShortenOnlyTheMarkedWindowsAndStayValid(@TempDir Path tmp)
			throws Exception {
		Path demo = tmp.resolve("leak-demo.yml");
		Process render = new ProcessBuilder("bash", PROMETHEUS.resolve("render-demo-rules.sh").toString(),
				demo.toString(), "--for", "45s")
			.inheritIO()
			.start();
		assertThat(render.waitFor()).isZero();

		String rules = Files.readString(demo);
		assertThat(rules).contains("ratio[1m]) # demo-window: floor")
			.contains("ratio[3m]) * 3600 > 0.10 # demo-window: slope")
			.contains("for: 45s # demo-window: for");
		Promtool.Result check = Promtool.run("check", "rules", demo.toString());
		assertThat(check.succeeded()).as(check.output()).isTrue();
	}

	@Test
	void cloudMemoryLeakConditionIsValidPromQl(@TempDir Path tmp) throws Exception {
		String policy = Files.readString(Path.of("cloud/alerts/memory-leak.json"));
		AlertPolicy.Builder builder = AlertPolicy.newBuilder();
		JsonFormat.parser().merge(policy, builder);
		String query = builder.getConditions(0).getConditionPrometheusQueryLanguage().getQuery();
		Path rules = tmp.resolve("cloud-leak.yml");
		Files.writeString(rules, "groups:\n  - name: cloud\n    rules:\n      - alert: CloudLeak\n        expr: |\n"
				+ query.lines().map((line) -> "          " + line).reduce("", (a, b) -> a + b + "\n"));

		Promtool.Result check = Promtool.run("check", "rules", rules.toString());

		assertThat(check.succeeded()).as(check.output()).isTrue();
	}

	private static List<String> ruleFiles() throws IOException {
		try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules"))) {
			return files.map(Path::toString).filter((name) -> name.endsWith(".yml")).sorted().toList();
		}
	}

}
