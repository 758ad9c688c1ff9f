package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every script does before touching the cloud: help, settings and the gcloud checks. */
class PreflightTests {

	static final String ALL_SCRIPTS = "dev.perfwatch.deploy.FakeCloud#SCRIPTS";

	@TempDir
	Path dir;

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void failsWithInstallHintWhenGcloudIsMissing(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);
		Path emptyBin = Files.createDirectories(this.dir.resolve("empty-bin"));

		ScriptRun run = cloud.runWithPath(emptyBin.toString(), script, "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.stderr()).contains("gcloud is not installed or not on PATH")
			.contains("https://cloud.google.com/sdk/docs/install");
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void failsWithLoginHintWhenNoAccountIsActive(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir).loggedOut();

		ScriptRun run = cloud.run(script, "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.stderr()).contains("gcloud has no active account").contains("gcloud auth login");
		assertThat(cloud.calls()).singleElement()
			.satisfies((call) -> assertThat(call.is("gcloud", "auth", "list")).isTrue());
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void asksForTheProjectBeforeCallingGcloud(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);

		ScriptRun run = cloud.run(script);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.stderr()).contains("no project: pass --project ID or set PROJECT_ID");
		assertThat(cloud.calls()).isEmpty();
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void takesTheProjectFromTheEnvironment(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir).loggedOut().withEnv("PROJECT_ID", FakeCloud.PROJECT);

		ScriptRun run = cloud.run(script);

		assertThat(run.stderr()).doesNotContain("no project").contains("gcloud has no active account");
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void rejectsAnAccountPrefixThatMakesInvalidAccountIds(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);

		ScriptRun run = cloud.run(script, "--project", FakeCloud.PROJECT, "--sa-prefix", "perfwatch-staging-1");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("makes the invalid account id perfwatch-staging-1-api-gateway");
		assertThat(cloud.calls()).isEmpty();
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void printsUsageWithDryRunAndProjectOptions(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);

		ScriptRun run = cloud.run(script, "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).startsWith("Usage: " + script).contains("--dry-run").contains("--project ID")
			.contains("--region REGION").contains("(default us-central1)");
		assertThat(cloud.calls()).isEmpty();
	}

	@ParameterizedTest
	@FieldSource(ALL_SCRIPTS)
	void rejectsUnknownOptions(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);

		ScriptRun run = cloud.run(script, "--project", FakeCloud.PROJECT, "--no-such-option");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("unknown option: --no-such-option");
		assertThat(cloud.calls()).isEmpty();
	}

}
