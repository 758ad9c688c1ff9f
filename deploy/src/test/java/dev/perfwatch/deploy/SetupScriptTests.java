package dev.perfwatch.deploy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SetupScriptTests {

	/** Profiles, traces and logs; no metrics writer, as nothing in the gcp profile pushes metrics. */
	static final List<String> RUNTIME_ROLES = List.of("roles/cloudprofiler.agent", "roles/cloudtrace.agent",
			"roles/logging.logWriter");

	static final List<String> ACCOUNTS = List.of("perfwatch-data", "perfwatch-auth", "perfwatch-api-gateway",
			"perfwatch-frontend");

	@TempDir
	Path dir;

	FakeCloud cloud;

	@BeforeEach
	void createCloud() throws Exception {
		this.cloud = new FakeCloud(this.dir);
	}

	@Test
	void enablesTheSixApisInTheProject() throws Exception {
		assertThat(this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT).exitCode()).isZero();

		assertThat(this.cloud.state().stream().filter((line) -> line.startsWith("api ")))
			.containsExactlyInAnyOrder(apis("run", "artifactregistry", "cloudprofiler", "cloudtrace", "monitoring",
					"logging"));
	}

	@Test
	void createsADockerRepositoryInTheRegionAndLetsJibPushToIt() throws Exception {
		this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT, "--region", "europe-west1", "--repo", "images");

		assertThat(this.cloud.calls("gcloud", "artifacts", "repositories", "create")).singleElement()
			.satisfies((call) -> {
				assertThat(call.arg(3)).isEqualTo("images");
				assertThat(call.flag("repository-format")).hasValue("docker");
				assertThat(call.flag("location")).hasValue("europe-west1");
			});
		assertThat(this.cloud.calls("gcloud", "auth", "configure-docker", "europe-west1-docker.pkg.dev")).hasSize(1);
	}

	@Test
	void grantsEachServiceItsOwnAccountWithOnlyTheThreeRuntimeRoles() throws Exception {
		this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);

		assertThat(this.cloud.calls("gcloud", "iam", "service-accounts", "create").stream().map((call) -> call.arg(3)))
			.containsExactlyElementsOf(ACCOUNTS);
		List<String> expectedBindings = ACCOUNTS.stream()
			.flatMap((account) -> RUNTIME_ROLES.stream()
				.map((role) -> "project-binding " + FakeCloud.PROJECT + " serviceAccount:" + account + "@"
						+ FakeCloud.PROJECT + ".iam.gserviceaccount.com " + role))
			.toList();
		assertThat(this.cloud.state().stream().filter((line) -> line.startsWith("project-binding ")))
			.containsExactlyInAnyOrderElementsOf(expectedBindings);
	}

	@Test
	void setsTheProjectAsGcloudDefaultFirst() throws Exception {
		this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);

		assertThat(this.cloud.calls().get(1).args()).containsExactly("config", "set", "project", FakeCloud.PROJECT);
	}

	@Test
	void keepsWhatExistsWhenRunAgain() throws Exception {
		this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);
		List<String> afterFirstRun = this.cloud.state();
		this.cloud.clearCalls();

		ScriptRun second = this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(this.cloud.calls()).noneMatch((call) -> call.has("create"));
		assertThat(this.cloud.state()).containsExactlyElementsOf(afterFirstRun);
	}

	@Test
	void retriesARoleBindingWhileANewAccountPropagates() throws Exception {
		this.cloud.withEnv("FAKE_GCLOUD_FLAKY", "projects add-iam-policy-binding:2").withEnv("PW_RETRY_DELAY", "0");

		ScriptRun run = this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stderr()).contains("attempt 1 failed; retrying").contains("attempt 2 failed; retrying");
		assertThat(this.cloud.calls("gcloud", "projects", "add-iam-policy-binding")).hasSize(12 + 2);
		assertThat(this.cloud.state().stream().filter((line) -> line.startsWith("project-binding "))).hasSize(12);
	}

	@Test
	void givesUpOnARoleBindingAfterFiveAttempts() throws Exception {
		this.cloud.withEnv("FAKE_GCLOUD_FLAKY", "projects add-iam-policy-binding:100").withEnv("PW_RETRY_DELAY", "0");

		ScriptRun run = this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(this.cloud.calls("gcloud", "projects", "add-iam-policy-binding")).hasSize(5);
	}

	@Test
	void createsAndLinksTheProjectOnlyWhenAsked() throws Exception {
		this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT);
		assertThat(this.cloud.calls("gcloud", "projects", "create")).isEmpty();

		ScriptRun run = this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT, "--create-project",
				"--billing-account", "0X0X0X-0X0X0X-0X0X0X");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cloud.calls("gcloud", "projects", "create", FakeCloud.PROJECT)).hasSize(1);
		assertThat(this.cloud.calls("gcloud", "billing", "projects", "link", FakeCloud.PROJECT)).singleElement()
			.satisfies((call) -> assertThat(call.flag("billing-account")).hasValue("0X0X0X-0X0X0X-0X0X0X"));
	}

	@Test
	void refusesToCreateAProjectWithoutBilling() throws Exception {
		ScriptRun run = this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT, "--create-project");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("--create-project needs --billing-account");
		assertThat(this.cloud.calls()).isEmpty();
	}

	private static String[] apis(String... names) {
		return List.of(names).stream()
			.map((name) -> "api " + FakeCloud.PROJECT + " " + name + ".googleapis.com")
			.toArray(String[]::new);
	}

}
