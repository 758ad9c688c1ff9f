package dev.perfwatch.deploy;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order that makes cloudbuild.yaml a gate: images built before the deploy, revisions
 * deployed tagged and without traffic, the load run gated on the baseline, and traffic moved only
 * by steps that wait for the load run.
 */
@TestInstance(Lifecycle.PER_CLASS)
class CloudBuildConfigTests {

	private static final List<String> SERVICES = List.of("data-service", "auth-service", "api-gateway-service",
			"frontend-service");

	CloudBuildFile build;

	@BeforeAll
	void read() throws Exception {
		this.build = new CloudBuildFile();
	}

	@Test
	void buildsTheFourImagesWithDeployShsJibCommandBeforeTheDeploy() throws Exception {
		CloudBuildFile.Step images = this.build.steps()
			.stream()
			.filter((step) -> step.command().contains("jib:build"))
			.findFirst()
			.orElseThrow();
		String script = images.command();

		assertThat(script).contains("for service in " + String.join(" ", SERVICES) + "; do")
			.contains("-Dimage=${_REGION}-docker.pkg.dev/$PROJECT_ID/${_REPO}/$$service:${_TAG}-jib")
			.contains("./mvnw -B -pl load-generator -am package -DskipTests");
		assertThat(jibFlags(script)).isEqualTo(jibFlags(Files.readString(FakeCloud.DEPLOY_DIR.resolve("deploy.sh"))));
		assertThat(this.build.runsAfter(deploy())).contains(images.id());
	}

	@Test
	void trainsAnAotCacheInEachJibImageAndDeploysTheImageThatCarriesIt() throws Exception {
		CloudBuildFile.Step aot = this.build.step("aot-cache");
		String script = aot.command();
		String cacheFlag = Pattern.compile("<arg>-XX:AOTCache=(\\S+)</arg>")
			.matcher(Files.readString(FakeCloud.DEPLOY_DIR.resolveSibling("pom.xml")))
			.results()
			.map((match) -> match.group(1))
			.findFirst()
			.orElseThrow();

		assertThat(script).contains("for service in " + String.join(" ", SERVICES) + "; do")
			.contains("image=\"${_REGION}-docker.pkg.dev/$PROJECT_ID/${_REPO}/$$service:${_TAG}\"")
			.contains("--network=cloudbuild --cpus=1 --memory=512m")
			.contains("-e PERFWATCH_AOT_TRAINING=/tmp/app.aot -e SPRING_PROFILES_ACTIVE=gcp")
			.contains("-e \"GOOGLE_CLOUD_PROJECT=$PROJECT_ID\" \"$$image-jib\"")
			.contains("docker cp \"train-$$service:/tmp/app.aot\" \"/workspace/aot/$$service/app.aot\"")
			.contains("--build-arg \"BASE=$$image-jib\" -f jib/aot/Dockerfile -t \"$$image\" \"/workspace/aot/$$service\"")
			.contains("docker push \"$$image\"");
		assertThat(Files.readString(FakeCloud.DEPLOY_DIR.resolveSibling("jib/aot/Dockerfile")))
			.contains("COPY app.aot " + cacheFlag);
		assertThat(this.build.runsAfter(aot)).contains("build-images");
		assertThat(this.build.runsAfter(deploy())).contains(aot.id());
	}

	@Test
	void deploysTaggedRevisionsWithoutTrafficThroughDeploySh() {
		String command = deploy().command();

		assertThat(command).contains("--tag=${_TAG}")
			.contains("--no-traffic")
			.contains("--skip-build")
			.contains("--version=${_TAG}")
			.contains(">/workspace/frontend-url");
		assertThat(this.build.substitute("${_TAG}")).isEqualTo("rev-abc1234");
	}

	@Test
	void loadsTheTaggedFrontendWithTheBaselineAndFailIfGates() {
		CloudBuildFile.Step load = load();
		String command = load.command();

		assertThat(command).contains("java -jar load-generator/target/load-generator.jar")
			.contains("--baseline=/workspace/baseline.json")
			.contains("--fail-if='p99>${_MAX_P99}'")
			.contains("--fail-if='errors>${_MAX_ERRORS}'")
			.contains("--out=/workspace/candidate.json")
			.contains("$$(tail -n 1 /workspace/frontend-url)");
		assertThat(this.build.step("fetch-baseline").command())
			.isEqualTo("gcloud storage cp ${_BASELINE} /workspace/baseline.json");
		assertThat(this.build.runsAfter(load)).contains("fetch-baseline", deploy().id(), "build-images");
	}

	@Test
	void movesTrafficOnlyInStepsThatWaitForTheLoadRunOnePerServiceFrontendFirst() {
		List<CloudBuildFile.Step> moves = this.build.steps()
			.stream()
			.filter((step) -> step.command().contains("update-traffic") || step.command().contains("--to-latest"))
			.toList();

		assertThat(moves).extracting((step) -> step.args().get(3))
			.containsExactly("frontend-service", "api-gateway-service", "auth-service", "data-service");
		assertThat(moves).allSatisfy((step) -> {
			assertThat(step.command()).contains("--to-tags=${_TAG}=100");
			assertThat(this.build.runsAfter(step)).as(step.id()).contains(load().id());
		});
		assertThat(this.build.runsAfter(this.build.step("promote-api-gateway"))).contains("promote-frontend");
		assertThat(this.build.runsAfter(load()))
			.doesNotContainAnyElementsOf(moves.stream().map(CloudBuildFile.Step::id).toList());
	}

	@Test
	void refreshesTheBaselineOnlyWhenAskedAndAfterEveryPromotion() {
		CloudBuildFile.Step refresh = this.build.step("refresh-baseline");

		assertThat(refresh.command()).contains("if [[ '${_REFRESH_BASELINE}' != true ]]")
			.contains("gcloud storage cp /workspace/candidate.json '${_BASELINE}'");
		assertThat(this.build.runsAfter(refresh)).contains("load-gate", "promote-frontend", "promote-api-gateway",
				"promote-auth", "promote-data");
		assertThat(this.build.substitutions()).containsEntry("_REFRESH_BASELINE", "false");
	}

	@Test
	void everySubstitutionUsedHasADefaultAndEveryDefaultIsUsed() throws Exception {
		String text = Files.readString(CloudBuildFile.PATH);
		Set<String> used = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{(_[A-Z0-9_]+)}").matcher(text.replaceAll("(?m)^\\s*#.*$", ""));
		while (matcher.find()) {
			used.add(matcher.group(1));
		}

		assertThat(used).containsExactlyInAnyOrderElementsOf(this.build.substitutions().keySet());
		assertThat(this.build.substitutions()).containsKeys("_REGION", "_REPO", "_TAG", "_BASELINE");
		assertThat(this.build.substitute("${_BASELINE}"))
			.isEqualTo("gs://" + FakeCloud.PROJECT + "-perfwatch/baselines/frontend.json");
		this.build.steps().forEach((step) -> this.build.substitute(step.command()));
	}

	private CloudBuildFile.Step deploy() {
		return this.build.steps()
			.stream()
			.filter((step) -> step.command().contains("deploy/deploy.sh"))
			.findFirst()
			.orElseThrow();
	}

	private CloudBuildFile.Step load() {
		return this.build.steps()
			.stream()
			.filter((step) -> step.command().contains("load-generator.jar"))
			.findFirst()
			.orElseThrow();
	}

	/** The flags of the Jib build, with the module variable's name left out. */
	private static String jibFlags(String script) {
		Matcher matcher = Pattern.compile("-B -Pgcp -pl \"\\$\\$?\\w+\" -am package jib:build -DskipTests")
			.matcher(script);
		assertThat(matcher.find()).as("a Jib build in:\n" + script).isTrue();
		return matcher.group().replaceAll("\"\\$\\$?\\w+\"", "MODULE");
	}

}
