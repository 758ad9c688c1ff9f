package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One setup and deploy against the fakes, inspected by every test that only reads. */
@TestInstance(Lifecycle.PER_CLASS)
class DeployScriptTests {

	static final String REGISTRY = "us-central1-docker.pkg.dev/" + FakeCloud.PROJECT + "/perfwatch/";

	FakeCloud cloud;

	ScriptRun deploy;

	@BeforeAll
	void setUpAndDeploy(@TempDir Path dir) throws Exception {
		this.cloud = new FakeCloud(dir);
		assertThat(this.cloud.run("setup.sh", "--project", FakeCloud.PROJECT).exitCode()).isZero();
		this.cloud.clearCalls();
		this.deploy = this.cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--version", "1.2.3");
		assertThat(this.deploy.exitCode()).as(this.deploy.toString()).isZero();
	}

	@Test
	void deploysDataAndAuthBeforeTheGatewayAndTheGatewayBeforeTheFrontend() throws Exception {
		int data = this.cloud.indexOf("gcloud", "run", "deploy", "data-service");
		int auth = this.cloud.indexOf("gcloud", "run", "deploy", "auth-service");
		int gateway = this.cloud.indexOf("gcloud", "run", "deploy", "api-gateway-service");
		int frontend = this.cloud.indexOf("gcloud", "run", "deploy", "frontend-service");

		assertThat(List.of(data, auth)).allSatisfy((callee) -> assertThat(callee).isNotNegative().isLessThan(gateway));
		assertThat(gateway).isLessThan(frontend);
		assertThat(this.cloud.calls("gcloud", "run", "deploy")).hasSize(4);
		assertThat(this.cloud.calls("gcloud", "run", "services", "update")).as("no second update round").isEmpty();
	}

	@Test
	void buildsAndPushesEveryImageWithJibBeforeTheFirstDeploy() throws Exception {
		List<Call> builds = this.cloud.calls("mvnw");

		assertThat(builds).extracting(Call::args)
			.containsExactly(jibBuild("data-service"), jibBuild("auth-service"), jibBuild("api-gateway-service"),
					jibBuild("frontend-service"));
		assertThat(this.cloud.indexOf("mvnw", "-B", "-Pgcp", "-pl", "frontend-service"))
			.isLessThan(this.cloud.indexOf("gcloud", "run", "deploy"));
		assertThat(deployFlag("frontend-service", "image")).isEqualTo(REGISTRY + "frontend-service:1.2.3");
	}

	@Test
	void onlyTheFrontendIsPublic() throws Exception {
		assertThat(deployOf("frontend-service").has("--allow-unauthenticated")).isTrue();
		for (String service : List.of("data-service", "auth-service", "api-gateway-service")) {
			assertThat(deployOf(service).has("--no-allow-unauthenticated")).as(service).isTrue();
			assertThat(deployOf(service).has("--allow-unauthenticated")).as(service).isFalse();
		}
		assertThat(this.cloud.state().stream().filter((line) -> line.contains("allUsers")))
			.containsExactly("service-binding frontend-service allUsers roles/run.invoker");
		assertThat(this.cloud.calls()).filteredOn((call) -> call.args().stream().anyMatch((arg) -> arg.contains("allUsers")))
			.isEmpty();
	}

	@Test
	void grantsRunInvokerOnExactlyTheServicesEachCallerCalls() throws Exception {
		Map<String, List<String>> invokersByService = this.cloud.calls("gcloud", "run", "services", "add-iam-policy-binding")
			.stream()
			.peek((call) -> assertThat(call.flag("role")).hasValue("roles/run.invoker"))
			.collect(Collectors.groupingBy((call) -> call.arg(3),
					Collectors.mapping((call) -> call.flag("member").orElseThrow(), Collectors.toList())));

		assertThat(invokersByService).containsOnly(
				Map.entry("data-service", List.of(member("perfwatch-api-gateway"))),
				Map.entry("auth-service", List.of(member("perfwatch-api-gateway"))),
				Map.entry("api-gateway-service", List.of(member("perfwatch-frontend"))));
	}

	@Test
	void runsEachServiceAsItsOwnAccount() throws Exception {
		assertThat(deployFlag("data-service", "service-account")).isEqualTo(email("perfwatch-data"));
		assertThat(deployFlag("auth-service", "service-account")).isEqualTo(email("perfwatch-auth"));
		assertThat(deployFlag("api-gateway-service", "service-account")).isEqualTo(email("perfwatch-api-gateway"));
		assertThat(deployFlag("frontend-service", "service-account")).isEqualTo(email("perfwatch-frontend"));
	}

	@Test
	void givesTheGatewayTheAuthAndDataUrlsAndTheFrontendTheGatewayUrl() throws Exception {
		assertThat(env("api-gateway-service")).containsEntry("AUTH_SERVICE_URL", "https://auth-service-abc-uc.a.run.app")
			.containsEntry("DATA_SERVICE_URL", "https://data-service-abc-uc.a.run.app")
			.doesNotContainKey("API_SERVICE_URL");
		assertThat(env("frontend-service")).containsEntry("API_SERVICE_URL", "https://api-gateway-service-abc-uc.a.run.app")
			.doesNotContainKeys("AUTH_SERVICE_URL", "DATA_SERVICE_URL");
		assertThat(env("data-service")).doesNotContainKeys("AUTH_SERVICE_URL", "DATA_SERVICE_URL", "API_SERVICE_URL");
	}

	@Test
	void runsEveryServiceInTheGcpProfileOfItsProject() throws Exception {
		for (String service : List.of("data-service", "auth-service", "api-gateway-service", "frontend-service")) {
			assertThat(env(service)).as(service)
				.containsEntry("GOOGLE_CLOUD_PROJECT", FakeCloud.PROJECT)
				.containsEntry("SPRING_PROFILES_ACTIVE", "gcp")
				.containsEntry("BIND_ADDRESS", "0.0.0.0")
				.containsEntry("PERFWATCH_OVERLOAD_MAX_CONCURRENT_REQUESTS", "80");
		}
	}

	@Test
	void probesSpringBootsReadinessAtStartupAndItsLivenessAfterwards() throws Exception {
		for (String service : List.of("data-service", "auth-service", "api-gateway-service", "frontend-service")) {
			Call deploy = deployOf(service);
			assertThat(deploy.flag("startup-probe")).as(service)
				.hasValue("httpGet.path=/actuator/health/readiness,periodSeconds=2,timeoutSeconds=2,failureThreshold=30");
			assertThat(deploy.flag("liveness-probe")).as(service)
				.hasValue("httpGet.path=/actuator/health/liveness,periodSeconds=10,timeoutSeconds=3,failureThreshold=3");
		}
	}

	@Test
	void sizesInstancesFromTheMeasurementsAndThrottlesCpuByDefault() throws Exception {
		Call data = deployOf("data-service");

		assertThat(data.flag("memory")).hasValue("512Mi");
		assertThat(data.flag("cpu")).hasValue("1");
		assertThat(data.flag("concurrency")).hasValue("80");
		assertThat(data.flag("min-instances")).hasValue("0");
		assertThat(data.flag("max-instances")).hasValue("10");
		assertThat(data.has("--cpu-throttling")).isTrue();
		assertThat(data.has("--no-cpu-throttling")).isFalse();
	}

	@Test
	void takesConcurrencyMaxInstancesAndAlwaysAllocatedCpuFromFlags(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		cloud.run("setup.sh", "--project", FakeCloud.PROJECT);
		cloud.clearCalls();

		ScriptRun run = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--skip-build", "--concurrency=20",
				"--max-instances", "3", "--cpu-always-allocated");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(cloud.calls("mvnw")).isEmpty();
		assertThat(cloud.calls("gcloud", "run", "deploy")).hasSize(4).allSatisfy((call) -> {
			assertThat(call.flag("concurrency")).hasValue("20");
			assertThat(call.flag("set-env-vars").orElseThrow()).contains("PERFWATCH_OVERLOAD_MAX_CONCURRENT_REQUESTS=20");
			assertThat(call.flag("max-instances")).hasValue("3");
			assertThat(call.has("--no-cpu-throttling")).isTrue();
			assertThat(call.flag("image").orElseThrow()).endsWith(":1.0.0");
		});
	}

	@Test
	void rejectsAConcurrencyThatIsNotAPositiveNumber(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);

		ScriptRun run = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--concurrency", "many");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("--concurrency must be a positive integer");
		assertThat(cloud.calls()).isEmpty();
	}

	@Test
	void movesTrafficToEveryNewRevisionUnlessToldOtherwise() throws Exception {
		assertThat(this.cloud.calls("gcloud", "run", "deploy")).hasSize(4).allSatisfy((call) -> {
			assertThat(call.has("--no-traffic")).isFalse();
			assertThat(call.flag("tag")).isEmpty();
		});
	}

	@Test
	void deploysTaggedRevisionsWithoutTrafficWiredToEachOthersTaggedUrls(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		cloud.run("setup.sh", "--project", FakeCloud.PROJECT);
		cloud.clearCalls();

		ScriptRun run = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--skip-build", "--tag", "rev-abc1234",
				"--no-traffic");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<Call> deploys = cloud.calls("gcloud", "run", "deploy");
		assertThat(deploys).extracting((call) -> call.arg(2))
			.containsExactly("data-service", "auth-service", "api-gateway-service", "frontend-service");
		assertThat(deploys).allSatisfy((call) -> {
			assertThat(call.flag("tag")).hasValue("rev-abc1234");
			assertThat(call.has("--no-traffic")).isTrue();
		});
		assertThat(deploys.get(2).flag("set-env-vars").orElseThrow())
			.contains("AUTH_SERVICE_URL=https://rev-abc1234---auth-service-abc-uc.a.run.app")
			.contains("DATA_SERVICE_URL=https://rev-abc1234---data-service-abc-uc.a.run.app");
		assertThat(deploys.get(3).flag("set-env-vars").orElseThrow())
			.contains("API_SERVICE_URL=https://rev-abc1234---api-gateway-service-abc-uc.a.run.app");
		assertThat(cloud.calls("gcloud", "run", "services", "update-traffic")).as("traffic moves elsewhere").isEmpty();
		assertThat(run.stdout()).isEqualTo("https://rev-abc1234---frontend-service-abc-uc.a.run.app\n");
	}

	@Test
	void rejectsNoTrafficWithoutATagAndATagCloudRunWouldRefuse(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);

		ScriptRun untagged = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--no-traffic");
		ScriptRun badTag = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--tag", "3f2a1bc");

		assertThat(untagged.exitCode()).isEqualTo(2);
		assertThat(untagged.stderr()).contains("--no-traffic needs --tag");
		assertThat(badTag.exitCode()).isEqualTo(2);
		assertThat(badTag.stderr()).contains("--tag must be lowercase letters, digits and hyphens, starting with a letter");
		assertThat(cloud.calls()).isEmpty();
	}

	@Test
	void deploysEachServiceWithItsOwnSettingsFromASizingFile(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		cloud.run("setup.sh", "--project", FakeCloud.PROJECT);
		cloud.clearCalls();

		ScriptRun run = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--skip-build", "--sizing",
				sizingFile().toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(sizing(cloud, "data-service")).containsExactly("2", "768Mi", "7", "0", "4", "7");
		assertThat(sizing(cloud, "auth-service")).containsExactly("1", "512Mi", "12", "1", "3", "12");
		assertThat(sizing(cloud, "api-gateway-service")).containsExactly("1", "1Gi", "20", "1", "5", "20");
		assertThat(sizing(cloud, "frontend-service")).containsExactly("4", "2Gi", "30", "1", "6", "30");
	}

	@Test
	void rejectsASizingFileWithAValueCloudRunWouldNotTake(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		Path bad = dir.resolve("bad.env");
		Files.writeString(bad, Files.readString(sizingFile()).replace("AUTH_SERVICE_CPU=1", "AUTH_SERVICE_CPU=3"));

		ScriptRun run = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--sizing", bad.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).contains("--sizing " + bad + " line 7: CPU '3' is not valid (1, 2, 4, 6 or 8)");
		assertThat(cloud.calls()).isEmpty();
	}

	@Test
	void rejectsASizingFileThatIsNotOnlySettings(@TempDir Path dir) throws Exception {
		FakeCloud cloud = new FakeCloud(dir);
		Path bad = dir.resolve("bad.env");
		Files.writeString(bad, Files.readString(sizingFile()) + "touch /tmp/owned\n");
		Path incomplete = dir.resolve("incomplete.env");
		Files.writeString(incomplete, Files.readString(sizingFile()).replace("FRONTEND_SERVICE_MAX_INSTANCES=6\n", ""));

		ScriptRun notSettings = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--sizing", bad.toString());
		ScriptRun missing = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--sizing", incomplete.toString());
		ScriptRun both = cloud.run("deploy.sh", "--project", FakeCloud.PROJECT, "--sizing", sizingFile().toString(),
				"--memory", "1Gi");

		assertThat(notSettings.exitCode()).isEqualTo(2);
		assertThat(notSettings.stderr()).contains("line 22: expected SERVICE_SETTING=value");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).contains("no MAX_INSTANCES for frontend-service");
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.stderr()).contains("--sizing sets memory, concurrency and max instances per service");
		assertThat(cloud.calls()).isEmpty();
	}

	@Test
	void printsTheFrontendUrlOnStdout() {
		assertThat(this.deploy.stdout()).isEqualTo("https://frontend-service-abc-uc.a.run.app\n");
	}

	/** cpu, memory, concurrency, min and max instances, and the shedding limit a deploy got. */
	private static List<String> sizing(FakeCloud cloud, String service) throws Exception {
		Call deploy = cloud.calls("gcloud", "run", "deploy", service).get(0);
		String shedding = List.of(deploy.flag("set-env-vars").orElseThrow().split(","))
			.stream()
			.filter((pair) -> pair.startsWith("PERFWATCH_OVERLOAD_MAX_CONCURRENT_REQUESTS="))
			.map((pair) -> pair.substring(pair.indexOf('=') + 1))
			.findFirst()
			.orElseThrow();
		return List.of(deploy.flag("cpu").orElseThrow(), deploy.flag("memory").orElseThrow(),
				deploy.flag("concurrency").orElseThrow(), deploy.flag("min-instances").orElseThrow(),
				deploy.flag("max-instances").orElseThrow(), shedding);
	}

	static Path sizingFile() throws Exception {
		return Path.of(DeployScriptTests.class.getResource("/sizing.env").toURI());
	}

	private Call deployOf(String service) throws Exception {
		return this.cloud.calls("gcloud", "run", "deploy", service).get(0);
	}

	private String deployFlag(String service, String flag) throws Exception {
		return deployOf(service).flag(flag).orElseThrow();
	}

	private Map<String, String> env(String service) throws Exception {
		return List.of(deployFlag(service, "set-env-vars").split(",")).stream()
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));
	}

	private static List<String> jibBuild(String module) {
		return List.of("-B", "-Pgcp", "-pl", module, "-am", "package", "jib:build", "-DskipTests",
				"-Dimage=" + REGISTRY + module + ":1.2.3");
	}

	static String email(String account) {
		return account + "@" + FakeCloud.PROJECT + ".iam.gserviceaccount.com";
	}

	static String member(String account) {
		return "serviceAccount:" + email(account);
	}

}
