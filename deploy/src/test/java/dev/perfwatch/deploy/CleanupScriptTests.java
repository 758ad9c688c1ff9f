package dev.perfwatch.deploy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CleanupScriptTests {

	static final String PROJECT_LINE = "project " + FakeCloud.PROJECT;

	/** What setup.sh and deploy.sh leave in an existing project; each test starts from a copy. */
	static List<String> deployed;

	@TempDir
	Path dir;

	FakeCloud cloud;

	/** Holds what apply-monitoring.sh created, fresh for each test. */
	FakeMonitoringApi monitoring;

	@BeforeAll
	static void setUpAndDeployOnce(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		cloud.givenState(PROJECT_LINE);
		assertThat(cloud.run("setup.sh", "--project", FakeCloud.PROJECT).exitCode()).isZero();
		assertThat(cloud.run("deploy.sh", "--project", FakeCloud.PROJECT).exitCode()).isZero();
		deployed = cloud.state();
	}

	@BeforeEach
	void deployedCloud() throws Exception {
		this.monitoring = new FakeMonitoringApi(FakeCloud.PROJECT);
		this.cloud = new FakeCloud(this.dir).withEnv("MONITORING_API_BASE", this.monitoring.baseUrl());
		this.cloud.givenState(deployed.toArray(String[]::new));
		ScriptRun apply = this.cloud.run("apply-monitoring.sh", "--project", FakeCloud.PROJECT);
		assertThat(apply.exitCode()).as(apply.toString()).isZero();
		this.cloud.clearCalls();
	}

	@AfterEach
	void stopMonitoring() {
		this.monitoring.close();
	}

	@Test
	void deletesTheMonitoringObjectsApplyMonitoringCreatedAndNothingElse() throws Exception {
		String numbered = "projects/" + FakeMonitoringApi.PROJECT_NUMBER + "/";
		assertThat(this.monitoring.resourceNames()).hasSize(12)
			.filteredOn((name) -> name.startsWith(numbered + "alertPolicies/"))
			.hasSize(8);
		String someoneElses = this.monitoring.given("alertPolicies", "{\"displayName\": \"not perfwatch\"}");

		ScriptRun run = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.monitoring.resourceNames()).containsExactly(someoneElses);
		List<String> deletes = this.monitoring.requests()
			.stream()
			.filter((request) -> request.method().equals("DELETE"))
			.map(FakeMonitoringApi.Request::path)
			.toList();
		assertThat(deletes).hasSize(12)
			.endsWith("/v3/projects/" + FakeCloud.PROJECT + "/services/perfwatch-frontend");
		assertThat(deletes.subList(0, 8)).allMatch((path) -> path.startsWith("/v3/" + numbered + "alertPolicies/"));
		assertThat(deletes.get(8)).startsWith("/v1/" + numbered + "dashboards/");
	}

	@Test
	void dryRunListsTheMonitoringDeletionsAndDeletesNothing() throws Exception {
		int applyRequests = this.monitoring.requests().size();

		ScriptRun run = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<String> deletes = run.stdout().lines().filter((line) -> line.contains(" -X DELETE ")).toList();
		assertThat(deletes).hasSize(12)
			.anyMatch((line) -> line.contains("alertPolicies/<id of \"perfwatch: 5xx ratio above 1 %\">"))
			.anyMatch((line) -> line.contains("dashboards/<id of \"perfwatch: Cloud Run services\">"))
			.anyMatch((line) -> line.endsWith("/services/perfwatch-frontend/serviceLevelObjectives/latency-1s"))
			.anyMatch((line) -> line.endsWith("/services/perfwatch-frontend"));
		assertThat(this.monitoring.requests()).hasSize(applyRequests);
		assertThat(this.monitoring.resourceNames()).hasSize(12);
	}

	@Test
	void removesEverythingSetupAndDeployCreatedButTheApis() throws Exception {
		assertThat(deployed).anyMatch((line) -> line.startsWith("service "))
			.anyMatch((line) -> line.startsWith("service-binding "))
			.anyMatch((line) -> line.startsWith("image "))
			.anyMatch((line) -> line.startsWith("repository "))
			.anyMatch((line) -> line.startsWith("service-account "))
			.anyMatch((line) -> line.startsWith("project-binding "));

		ScriptRun run = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cloud.state()).contains(PROJECT_LINE, "api " + FakeCloud.PROJECT + " run.googleapis.com")
			.allMatch((line) -> line.startsWith("api ") || line.equals(PROJECT_LINE));
	}

	@Test
	void removesRoleBindingsBeforeDeletingTheirAccount() throws Exception {
		this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");

		String email = DeployScriptTests.email("perfwatch-frontend");
		int lastUnbind = -1;
		List<Call> calls = this.cloud.calls();
		for (int i = 0; i < calls.size(); i++) {
			if (calls.get(i).is("gcloud", "projects", "remove-iam-policy-binding")
					&& calls.get(i).flag("member").orElseThrow().endsWith(email)) {
				lastUnbind = i;
			}
		}
		assertThat(lastUnbind).isNotNegative()
			.isLessThan(this.cloud.indexOf("gcloud", "iam", "service-accounts", "delete", email));
	}

	@Test
	void deletesCallersBeforeCallees() throws Exception {
		this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");

		assertThat(this.cloud.calls("gcloud", "run", "services", "delete").stream().map((call) -> call.arg(3)))
			.containsExactly("frontend-service", "api-gateway-service", "auth-service", "data-service");
	}

	@Test
	void succeedsAgainWhenEverythingIsAlreadyGone() throws Exception {
		this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");
		this.cloud.clearCalls();

		ScriptRun again = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(this.cloud.calls()).noneMatch((call) -> call.has("delete"));
	}

	@Test
	void keepsTheProjectUnlessAskedAndThenDeletesOnlyIt() throws Exception {
		this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes");
		assertThat(this.cloud.calls("gcloud", "projects", "delete")).isEmpty();
		this.cloud.clearCalls();

		ScriptRun run = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT, "--yes", "--delete-project");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cloud.calls()).filteredOn((call) -> call.has("delete") || call.has("remove-iam-policy-binding"))
			.singleElement()
			.satisfies((call) -> assertThat(call.args()).containsExactly("projects", "delete", FakeCloud.PROJECT,
					"--quiet"));
		assertThat(this.cloud.state()).doesNotContain(PROJECT_LINE);
	}

	@Test
	void refusesToDeleteWithoutConfirmationOnANonInteractiveStdin() throws Exception {
		List<String> before = this.cloud.state();

		ScriptRun run = this.cloud.run("cleanup.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("pass --yes to confirm");
		assertThat(this.cloud.state()).containsExactlyElementsOf(before);
	}

}
