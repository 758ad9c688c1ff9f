package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** --dry-run prints the commands and runs none of them: the only call that reaches gcloud is the login check. */
class DryRunTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@FieldSource(PreflightTests.ALL_SCRIPTS)
	void callsNothingButTheLoginCheckAndLeavesTheCloudAlone(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);

		ScriptRun run = cloud.run(script, "--project", FakeCloud.PROJECT, "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(cloud.calls()).singleElement()
			.satisfies((call) -> assertThat(call.is("gcloud", "auth", "list")).isTrue());
		assertThat(cloud.state()).isEmpty();
		assertThat(run.stdout()).containsPattern("\\[dry-run\\] (gcloud|curl) ");
	}

	@ParameterizedTest
	@FieldSource(PreflightTests.ALL_SCRIPTS)
	void worksWithoutGcloudInstalled(String script) throws Exception {
		FakeCloud cloud = new FakeCloud(this.dir);
		Path emptyBin = Files.createDirectories(this.dir.resolve("empty-bin"));

		ScriptRun run = cloud.runWithPath(emptyBin.toString(), script, "--project", FakeCloud.PROJECT, "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stderr()).contains("gcloud is not installed").contains("dry run: carrying on");
		assertThat(run.stdout()).containsPattern("\\[dry-run\\] (gcloud|curl) ");
	}

	@Test
	void setupPrintsEveryMutatingCommand() throws Exception {
		ScriptRun run = new FakeCloud(this.dir).run("setup.sh", "--project", FakeCloud.PROJECT, "--dry-run");

		assertThat(dryRunLines(run)).contains("gcloud config set project " + FakeCloud.PROJECT)
			.anyMatch((line) -> line.startsWith("gcloud services enable run.googleapis.com"))
			.anyMatch((line) -> line.startsWith("gcloud artifacts repositories create perfwatch"))
			.anyMatch((line) -> line.startsWith("gcloud iam service-accounts create perfwatch-frontend"))
			.anyMatch((line) -> line.startsWith("gcloud projects add-iam-policy-binding " + FakeCloud.PROJECT));
	}

	@Test
	void deployPrintsTheJibBuildsAndDeploysInOrderWithPlaceholderUrls() throws Exception {
		ScriptRun run = new FakeCloud(this.dir).run("deploy.sh", "--project", FakeCloud.PROJECT, "--dry-run");

		List<String> lines = dryRunLines(run);
		assertThat(lines).anyMatch((line) -> line.contains("mvnw -B -Pgcp -pl data-service -am package jib:build"));
		assertThat(lines.stream().filter((line) -> line.startsWith("gcloud run deploy ")).map((line) -> line.split(" ")[3]))
			.containsExactly("data-service", "auth-service", "api-gateway-service", "frontend-service");
		assertThat(lines).anyMatch((line) -> line.contains("AUTH_SERVICE_URL=<auth-service-url>"))
			.anyMatch((line) -> line.contains("API_SERVICE_URL=<api-gateway-service-url>"));
	}

	@Test
	void verifyPrintsTokenLookupsInsteadOfTokens() throws Exception {
		ScriptRun run = new FakeCloud(this.dir).run("verify.sh", "--project", FakeCloud.PROJECT, "--dry-run");

		assertThat(run.stdout()).contains("Authorization: Bearer $(gcloud auth print-identity-token)")
			.contains("Authorization: Bearer $(gcloud auth print-access-token)")
			.contains("https://cloudtrace.googleapis.com/v1/projects/" + FakeCloud.PROJECT + "/traces")
			.contains("https://cloudprofiler.googleapis.com/v2/projects/" + FakeCloud.PROJECT + "/profiles")
			.doesNotContain("fake-identity-token").doesNotContain("FAIL");
	}

	@Test
	void cleanupDoesNotAskForConfirmation() throws Exception {
		ScriptRun run = new FakeCloud(this.dir).run("cleanup.sh", "--project", FakeCloud.PROJECT, "--dry-run",
				"--delete-project");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(dryRunLines(run)).containsExactly("gcloud projects delete " + FakeCloud.PROJECT + " --quiet");
	}

	private static List<String> dryRunLines(ScriptRun run) {
		return run.stdout().lines().filter((line) -> line.startsWith("[dry-run] "))
			.map((line) -> line.substring("[dry-run] ".length()).replaceFirst("^\\S*/mvnw ", "mvnw "))
			.toList();
	}

}
