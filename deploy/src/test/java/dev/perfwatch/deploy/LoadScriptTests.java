package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LoadScriptTests {

	static final String FRONTEND_URL = "https://frontend-service-abc-uc.a.run.app";

	static final String TRACE_UI = "https://console.cloud.google.com/traces/list?project=" + FakeCloud.PROJECT + "&tid={traceId}";

	@TempDir
	Path dir;

	FakeCloud cloud;

	Path jar;

	@BeforeEach
	void deployedFrontendAndBuiltJar() throws Exception {
		this.jar = Files.writeString(this.dir.resolve("load-generator.jar"), "not really a jar");
		this.cloud = new FakeCloud(this.dir).withEnv("LOAD_JAR", this.jar.toString());
		this.cloud.givenState("service us-central1 frontend-service");
	}

	@Test
	void runsTheLoadGeneratorAgainstTheDeployedFrontendWithTheTraceUi() throws Exception {
		ScriptRun run = this.cloud.run("load.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cloud.calls("gcloud", "run", "services", "describe", "frontend-service")).hasSize(1);
		assertThat(loadRun().args()).containsExactly("-jar", this.jar.toString(), FRONTEND_URL, "--trace-ui", TRACE_UI);
	}

	@Test
	void passesArgumentsAfterTheSeparatorThrough() throws Exception {
		this.cloud.run("load.sh", "--project", FakeCloud.PROJECT, "--", "--duration", "30s", "--rate", "1 0");

		assertThat(loadRun().args()).endsWith("--duration", "30s", "--rate", "1 0").contains("--trace-ui");
	}

	@Test
	void keepsATraceUiGivenByTheCaller() throws Exception {
		this.cloud.run("load.sh", "--project", FakeCloud.PROJECT, "--", "--trace-ui=https://example.test/t/");

		assertThat(loadRun().args()).containsExactly("-jar", this.jar.toString(), FRONTEND_URL,
				"--trace-ui=https://example.test/t/");
	}

	@Test
	void failsWithABuildHintWhenTheJarIsMissing() throws Exception {
		this.cloud.withEnv("LOAD_JAR", this.dir.resolve("absent.jar").toString());

		ScriptRun run = this.cloud.run("load.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("load generator jar not found")
			.contains("./mvnw -B -pl load-generator -am package -DskipTests");
		assertThat(this.cloud.calls("java")).isEmpty();
	}

	private Call loadRun() throws Exception {
		List<Call> runs = this.cloud.calls("java");
		assertThat(runs).hasSize(1);
		return runs.get(0);
	}

}
