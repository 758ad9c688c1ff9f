package dev.perfwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** apply-monitoring.sh against the fake gcloud and a local fake of the Cloud Monitoring API. */
class ApplyMonitoringScriptTests {

	static final Path CLOUD_DIR = FakeCloud.DEPLOY_DIR.resolveSibling("monitoring/cloud");

	static final String NUMBERED = "projects/" + FakeMonitoringApi.PROJECT_NUMBER + "/";

	static final String SERVICE = NUMBERED + "services/perfwatch-frontend";

	@TempDir
	Path dir;

	FakeMonitoringApi api;

	FakeCloud cloud;

	@BeforeEach
	void fakeMonitoringApi() throws Exception {
		this.api = new FakeMonitoringApi(FakeCloud.PROJECT);
		this.cloud = new FakeCloud(this.dir).withEnv("MONITORING_API_BASE", this.api.baseUrl());
	}

	@AfterEach
	void stopApi() {
		this.api.close();
	}

	@Test
	void createsTheServiceItsSlosEveryAlertPolicyAndTheDashboard() throws Exception {
		ScriptRun run = apply();

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.api.resourceNames()).contains(SERVICE, SERVICE + "/serviceLevelObjectives/availability",
				SERVICE + "/serviceLevelObjectives/latency-1s");
		assertThat(namesUnder("alertPolicies")).hasSize(alertFiles().size());
		assertThat(namesUnder("dashboards")).singleElement()
			.satisfies((name) -> assertThat(FakeMonitoringApi.displayName(this.api.body(name)))
				.isEqualTo("perfwatch: Cloud Run services"));
		assertThat(run.stderr()).contains("Done: https://console.cloud.google.com/monitoring/dashboards?project="
				+ FakeCloud.PROJECT);
	}

	@Test
	void postsEveryAlertPolicyFileWithTheProjectSubstitutedAndTheSloNamesTheApiReturned() throws Exception {
		apply();

		List<FakeMonitoringApi.Request> posted = this.api.requests().stream()
			.filter((request) -> request.is("POST", "/alertPolicies")).toList();
		assertThat(posted).extracting((request) -> FakeMonitoringApi.displayName(request.body()))
			.containsExactlyInAnyOrderElementsOf(alertFiles().stream().map(ApplyMonitoringScriptTests::displayName).toList());
		assertThat(posted).allSatisfy((request) -> assertThat(request.body()).doesNotContain("${PROJECT_ID}")
			.doesNotContain("projects/" + FakeCloud.PROJECT + "/services/"));
		assertThat(posted).filteredOn((request) -> request.body().contains("select_slo_burn_rate"))
			.hasSize(4)
			.anySatisfy((request) -> assertThat(request.body())
				.contains("select_slo_burn_rate(\\\"" + SERVICE + "/serviceLevelObjectives/availability\\\", \\\"60m\\\")"))
			.anySatisfy((request) -> assertThat(request.body())
				.contains("select_slo_burn_rate(\\\"" + SERVICE + "/serviceLevelObjectives/latency-1s\\\", \\\"30m\\\")"));
	}

	@Test
	void createsTheServiceBeforeItsSlosAndTheSlosBeforeThePoliciesThatNameThem() throws Exception {
		apply();

		List<FakeMonitoringApi.Request> writes = this.api.requests().stream()
			.filter((request) -> !request.method().equals("GET")).toList();
		assertThat(writes.get(0).path()).endsWith("/services");
		assertThat(writes.get(0).query()).containsEntry("serviceId", "perfwatch-frontend");
		assertThat(writes.subList(1, 3)).extracting((request) -> request.query().get("serviceLevelObjectiveId"))
			.containsExactly("availability", "latency-1s");
		assertThat(writes.get(writes.size() - 1).path()).endsWith("/v1/projects/" + FakeCloud.PROJECT + "/dashboards");
	}

	@Test
	void secondRunUpdatesEverythingInPlaceInsteadOfDuplicating() throws Exception {
		apply();
		List<String> afterFirstRun = this.api.resourceNames();
		int firstRunRequests = this.api.requests().size();

		ScriptRun second = apply();

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(this.api.resourceNames()).isEqualTo(afterFirstRun);
		List<FakeMonitoringApi.Request> writes = this.api.requests().stream().skip(firstRunRequests)
			.filter((request) -> !request.method().equals("GET")).toList();
		assertThat(writes).extracting(FakeMonitoringApi.Request::method).containsOnly("PATCH");
		String serviceById = "/v3/projects/" + FakeCloud.PROJECT + "/services/perfwatch-frontend";
		assertThat(writes).extracting(FakeMonitoringApi.Request::path)
			.contains(serviceById, serviceById + "/serviceLevelObjectives/availability",
					serviceById + "/serviceLevelObjectives/latency-1s")
			.containsAll(namesUnder("alertPolicies").stream().map((name) -> "/v3/" + name).toList())
			.containsAll(namesUnder("dashboards").stream().map((name) -> "/v1/" + name).toList())
			.hasSize(3 + alertFiles().size() + 1);
	}

	@Test
	void updatesAPolicyAndADashboardMadeEarlierWithTheSameDisplayNameAndLeavesOthersAlone() throws Exception {
		String earlierPolicy = this.api.given("alertPolicies",
				"{\"displayName\": \"perfwatch: 5xx ratio above 1 %\", \"combiner\": \"OR\"}");
		String unrelatedPolicy = this.api.given("alertPolicies", "{\"displayName\": \"someone else's policy\"}");
		String earlierDashboard = this.api.given("dashboards", "{\"displayName\": \"perfwatch: Cloud Run services\"}");
		String unrelatedDashboard = this.api.given("dashboards", "{\"displayName\": \"another dashboard\"}");

		ScriptRun run = apply();

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.api.body(earlierPolicy)).contains("5xx responses / all responses");
		assertThat(this.api.body(earlierDashboard)).contains("mosaicLayout");
		assertThat(this.api.body(unrelatedPolicy)).isEqualTo("{\"displayName\": \"someone else's policy\"}");
		assertThat(this.api.body(unrelatedDashboard)).isEqualTo("{\"displayName\": \"another dashboard\"}");
		assertThat(namesUnder("alertPolicies")).hasSize(alertFiles().size() + 1);
		assertThat(namesUnder("dashboards")).hasSize(2);
	}

	@Test
	void addsNotificationChannelsToEveryPolicyAndKeepsExistingOnesWhenNoneAreGiven() throws Exception {
		String channel = "projects/" + FakeCloud.PROJECT + "/notificationChannels/42";
		apply("--notification-channels", channel);
		int firstRunRequests = this.api.requests().size();

		apply();

		List<FakeMonitoringApi.Request> policyWrites = this.api.requests().stream()
			.filter((request) -> request.path().contains("/alertPolicies") && !request.method().equals("GET")).toList();
		assertThat(policyWrites.subList(0, alertFiles().size()))
			.allSatisfy((request) -> assertThat(request.body()).contains("\"notificationChannels\": [\"" + channel + "\"]"));
		assertThat(this.api.requests().stream().skip(firstRunRequests))
			.filteredOn((request) -> request.is("PATCH", "") && request.path().contains("/alertPolicies/"))
			.hasSize(alertFiles().size())
			.allSatisfy((request) -> assertThat(request.query().get("updateMask")).contains("conditions")
				.doesNotContain("notificationChannels"));
	}

	@Test
	void sendsTheAccessTokenInAHeaderButNeverOnACommandLine() throws Exception {
		ScriptRun run = apply();

		assertThat(this.api.requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo(FakeGoogleApis.ACCESS));
		assertThat(this.cloud.calls("curl")).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.args()).noneMatch((arg) -> arg.contains("fake-access-token")));
		assertThat(run.output()).doesNotContain("fake-access-token");
	}

	@Test
	void stopsWithTheApiErrorWhenAWriteIsRefused() throws Exception {
		try (FakeMonitoringApi otherProject = new FakeMonitoringApi("some-other-project")) {
			ScriptRun run = this.cloud.withEnv("MONITORING_API_BASE", otherProject.baseUrl())
				.run("apply-monitoring.sh", "--project", FakeCloud.PROJECT);

			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.stderr()).contains("writing service perfwatch-frontend: HTTP 404 from the Monitoring API")
				.contains("no such path");
			assertThat(otherProject.requests()).extracting(FakeMonitoringApi.Request::method).containsExactly("GET", "POST");
		}
	}

	@Test
	void dryRunPrintsEveryRequestAndSendsNone() throws Exception {
		ScriptRun run = apply("--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.api.requests()).isEmpty();
		assertThat(this.cloud.calls()).singleElement()
			.satisfies((call) -> assertThat(call.is("gcloud", "auth", "list")).isTrue());
		List<String> lines = run.stdout().lines().toList();
		assertThat(lines).allMatch((line) -> line.startsWith("[dry-run] curl -H 'Authorization: Bearer $(gcloud auth print-access-token)' "));
		String base = this.api.baseUrl() + "/v3/projects/" + FakeCloud.PROJECT;
		assertThat(lines).anyMatch((line) -> line.contains("-X POST '" + base + "/services?serviceId=perfwatch-frontend'"))
			.anyMatch((line) -> line.contains("serviceLevelObjectiveId=availability"))
			.anyMatch((line) -> line.contains("serviceLevelObjectiveId=latency-1s"))
			.anyMatch((line) -> line.contains("-X POST " + this.api.baseUrl() + "/v1/projects/" + FakeCloud.PROJECT + "/dashboards"));
		for (Path alert : alertFiles()) {
			assertThat(lines).as(alert.toString())
				.anyMatch((line) -> line.contains("-X POST " + base + "/alertPolicies")
						&& line.endsWith("--data-binary @monitoring/cloud/alerts/" + alert.getFileName()));
		}
	}

	@Test
	void rendersWithoutGcloudOrALogin() throws Exception {
		Path emptyBin = Files.createDirectories(this.dir.resolve("empty-bin"));
		Path out = this.dir.resolve("rendered");

		ScriptRun run = this.cloud.runWithPath(emptyBin + ":/usr/bin:/bin", "apply-monitoring.sh", "--project",
				FakeCloud.PROJECT, "--render-to", out.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cloud.calls()).isEmpty();
		assertThat(Files.readString(out.resolve("alerts/slo-availability-burn-fast.json")))
			.contains("projects/" + FakeCloud.PROJECT + "/services/perfwatch-frontend/serviceLevelObjectives/availability")
			.doesNotContain("${PROJECT_ID}");
	}

	@Test
	void rejectsANotificationChannelThatIsNotAChannelName() throws Exception {
		ScriptRun run = apply("--notification-channels", "42");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("'42' is not projects/ID/notificationChannels/NUMBER");
		assertThat(this.api.requests()).isEmpty();
		assertThat(this.cloud.calls()).isEmpty();
	}

	private ScriptRun apply(String... extraArgs) throws IOException, InterruptedException {
		List<String> args = Stream.concat(Stream.of("--project", FakeCloud.PROJECT), Stream.of(extraArgs)).toList();
		return this.cloud.run("apply-monitoring.sh", args.toArray(String[]::new));
	}

	private List<String> namesUnder(String collection) {
		return this.api.resourceNames().stream().filter((name) -> name.startsWith(NUMBERED + collection + "/")).toList();
	}

	private static List<Path> alertFiles() throws IOException {
		try (Stream<Path> files = Files.list(CLOUD_DIR.resolve("alerts"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static String displayName(Path file) {
		try {
			return FakeMonitoringApi.displayName(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
