package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** verify.sh against the fake gcloud and a local fake of the services and the Trace and Profiler APIs. */
class VerifyScriptTests {

	static final String[] SERVICES = { "data-service", "auth-service", "api-gateway-service", "frontend-service" };

	/** What the image's launcher prints on stderr before it starts the JVM, agent or not. */
	static final String LAUNCHER_LINE = "launch: Cloud Profiler agent on (/opt/cprof/profiler_java_agent.so)";

	/**
	 * The first line the real Cloud Profiler Java agent logs on stderr (-logtostderr): glog's
	 * prefix, then the message of Agent_OnLoad in the agent's src/entry.cc.
	 */
	static final String AGENT_START_LINE = "I1202 10:00:00.000000     1 entry.cc:275] "
			+ "Google Cloud Profiler Java agent version: 20241028_RC00";

	@TempDir
	Path dir;

	FakeGoogleApis apis;

	FakeCloud cloud;

	@BeforeEach
	void deployedServices() throws Exception {
		this.apis = new FakeGoogleApis();
		this.cloud = new FakeCloud(this.dir).withEnv("FAKE_RUN_URL_PREFIX", this.apis.baseUrl() + "/run")
			.withEnv("TRACE_API_BASE", this.apis.baseUrl())
			.withEnv("PROFILER_API_BASE", this.apis.baseUrl());
		for (String service : SERVICES) {
			this.cloud.givenState("service us-central1 " + service, "log " + service + " text " + LAUNCHER_LINE,
					"log " + service + " text " + AGENT_START_LINE, "log " + service + " trace");
		}
	}

	@AfterEach
	void stopApis() {
		this.apis.close();
	}

	@Test
	void passesWhenEveryServiceIsHealthyAndHasTracesAndProfiles() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stdout()).doesNotContain("FAIL")
			.contains("ok    frontend-service healthy at " + this.apis.baseUrl() + "/run/frontend-service (public)")
			.contains("ok    auth-service healthy at " + this.apis.baseUrl() + "/run/auth-service with an ID token")
			.contains("ok    data-service refuses calls without a token (HTTP 403)")
			.contains("ok    api-gateway-service spans in Cloud Trace")
			.contains("ok    data-service profiles in Cloud Profiler");
		assertThat(run.stderr()).contains("All checks passed");
	}

	@Test
	void callsPrivateServicesWithAnIdentityTokenAndTheApisWithAnAccessToken() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);

		this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		List<FakeGoogleApis.Request> requests = this.apis.requests();
		assertThat(requests).filteredOn((request) -> request.path().startsWith("/v"))
			.isNotEmpty()
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo(FakeGoogleApis.ACCESS));
		assertThat(requests).filteredOn((request) -> request.path().equals("/run/api-gateway-service/health"))
			.extracting(FakeGoogleApis.Request::authorization)
			.containsExactlyInAnyOrder(FakeGoogleApis.IDENTITY, null);
		assertThat(requests).filteredOn((request) -> request.path().equals("/run/frontend-service/health"))
			.extracting(FakeGoogleApis.Request::authorization)
			.containsOnlyNulls();
	}

	@Test
	void asksCloudTraceForRecentSpansOfEachServiceByComponentLabel() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);

		this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT, "--since", "15");

		assertThat(this.apis.requests()).filteredOn((request) -> request.path().startsWith("/v1/"))
			.allSatisfy((request) -> {
				assertThat(request.path()).isEqualTo("/v1/projects/" + FakeCloud.PROJECT + "/traces");
				assertThat(request.query().get("startTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
			})
			.extracting((request) -> request.query().get("filter"))
			.containsExactlyInAnyOrder("+/component:data-service", "+/component:auth-service",
					"+/component:api-gateway-service", "+/component:frontend-service");
	}

	@Test
	void followsProfilePagesUntilEveryServiceIsFound() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.apis.requests()).filteredOn((request) -> request.path().startsWith("/v2/"))
			.extracting((request) -> request.query().get("pageToken"))
			.containsExactly(null, "page-1");
	}

	@Test
	void failsAndNamesTheServiceWhoseProfilesAreMissing() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom("data-service", "api-gateway-service", "frontend-service");

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains("FAIL  auth-service: no profile in Cloud Profiler")
			.containsOnlyOnce("FAIL");
		assertThat(run.stderr()).contains("1 check(s) failed");
	}

	@Test
	void failsWhenAServiceHasNoTraces() throws Exception {
		this.apis.withTracesFrom("data-service", "auth-service", "frontend-service").withProfilesFrom(SERVICES);

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains("FAIL  api-gateway-service: no trace with a api-gateway-service span");
	}

	@Test
	void runsTheRecipesTwoLogChecksForEachService() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT, "--since", "15");

		assertThat(run.stdout()).contains("ok    auth-service Cloud Profiler agent's start line in Cloud Logging")
			.contains("ok    frontend-service log entries joined to traces");
		String revision = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"data-service\"";
		assertThat(this.cloud.calls("gcloud", "logging", "read")).hasSize(2 * SERVICES.length)
			.allSatisfy((call) -> assertThat(call.args()).contains("--project=" + FakeCloud.PROJECT,
					"--freshness=15m", "--limit=1"))
			.extracting((call) -> call.arg(2))
			.contains(revision + " AND textPayload:\"Google Cloud Profiler Java agent version\"",
					revision + " AND jsonPayload.trace_id!=\"\" AND trace:\"projects/" + FakeCloud.PROJECT + "/traces/\"");
	}

	@Test
	void failsWhenAServiceHasNoLogsFromTheProfilerAgent() throws Exception {
		ScriptRun run = runWithLogs((service) -> List.of("trace"));

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains("FAIL  api-gateway-service: no start line of the Cloud Profiler agent")
			.doesNotContain("FAIL  api-gateway-service: no JSON log entry");
		assertThat(run.stderr()).contains("4 check(s) failed");
	}

	@Test
	void doesNotTakeTheLaunchersLineForTheAgentStarting() throws Exception {
		ScriptRun run = runWithLogs((service) -> List.of("text " + LAUNCHER_LINE,
				"text launch: Cloud Profiler agent off (CPROF_ENABLED=false)", "trace"));

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains("FAIL  data-service: no start line of the Cloud Profiler agent")
			.contains("FAIL  frontend-service: no start line of the Cloud Profiler agent");
		assertThat(run.stderr()).contains("4 check(s) failed");
	}

	@Test
	void failsWhenAServiceHasNoLogEntriesJoinedToTraces() throws Exception {
		ScriptRun run = runWithLogs((service) -> service.equals("auth-service")
				? List.of("text " + LAUNCHER_LINE, "text " + AGENT_START_LINE)
				: List.of("text " + AGENT_START_LINE, "trace"));

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains("FAIL  auth-service: no JSON log entry with a trace")
			.containsOnlyOnce("FAIL");
		assertThat(run.stderr()).contains("1 check(s) failed");
	}

	@Test
	void failsWhenAPrivateServiceAnswersWithoutAToken() throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES).withPublic("data-service");

		ScriptRun run = this.cloud.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).contains(
				"FAIL  data-service answered HTTP 200 without a token: it must be deployed --no-allow-unauthenticated");
	}

	@Test
	void failsWhenAServiceIsNotDeployed() throws Exception {
		FakeCloud empty = new FakeCloud(Files.createDirectories(this.dir.resolve("nothing-deployed")));

		ScriptRun run = empty.run("verify.sh", "--project", FakeCloud.PROJECT);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("Cloud Run service data-service not found").contains("Run deploy/deploy.sh first");
	}

	/**
	 * verify.sh against a fresh fake cloud in which every service is deployed, has traces and
	 * profiles, and has the given log entries ("text LINE" on stderr, or "trace": a JSON entry
	 * joined to a trace).
	 */
	private ScriptRun runWithLogs(Function<String, List<String>> logs) throws Exception {
		this.apis.withTracesFrom(SERVICES).withProfilesFrom(SERVICES);
		FakeCloud cloud = new FakeCloud(Files.createDirectories(this.dir.resolve("logs")))
			.withEnv("FAKE_RUN_URL_PREFIX", this.apis.baseUrl() + "/run")
			.withEnv("TRACE_API_BASE", this.apis.baseUrl())
			.withEnv("PROFILER_API_BASE", this.apis.baseUrl());
		for (String service : SERVICES) {
			cloud.givenState("service us-central1 " + service);
			for (String entry : logs.apply(service)) {
				cloud.givenState("log " + service + " " + entry);
			}
		}
		return cloud.run("verify.sh", "--project", FakeCloud.PROJECT);
	}

}
