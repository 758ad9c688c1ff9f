package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** verify.sh against the fake gcloud and a local fake of the services and the Trace and Profiler APIs. */
class VerifyScriptTest {

	static final String[] SERVICES = { "data-service", "auth-service", "api-gateway-service", "frontend-service" };

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
			this.cloud.givenState("service us-central1 " + service);
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

}
