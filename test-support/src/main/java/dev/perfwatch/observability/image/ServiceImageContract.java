package dev.perfwatch.observability.image;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's image must be, read from the tarball that the {@code verify} phase builds
 * on an empty base with a stand-in Cloud Profiler agent (root pom.xml). Each service extends it
 * with its name, port and main class; one instance for all tests, so the tarball is read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceImageContract {

	private final String service;

	private final int port;

	private final Class<?> mainClass;

	private ImageTarball image;

	protected ServiceImageContract(String service, int port, Class<?> mainClass) {
		this.service = service;
		this.port = port;
		this.mainClass = mainClass;
	}

	@BeforeAll
	void readImage() throws Exception {
		this.image = ImageTarball.read(Path.of("target/image-test/image.tar"));
	}

	@Test
	void startsTheJvmThroughTheLauncherWithTheCloudProfilerAgentForThisService() {
		assertThat(this.image.entrypoint()).containsExactly("/bin/sh", "/opt/perfwatch/launch.sh", "java",
				"-XX:MaxRAMPercentage=45", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
				"-XX:AOTCache=/app/aot/app.aot",
				"-agentpath:/opt/cprof/profiler_java_agent.so=-cprof_service=" + this.service + ","
						+ "-cprof_enable_heap_sampling=true,-logtostderr,-minloglevel=0",
				"-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file");
		assertThat(new String(this.image.file("app/jib-main-class-file")).trim()).isEqualTo(this.mainClass.getName());
	}

	@Test
	void putsOnlyJarsOnTheClassPathSoThatTheAotCacheCanHoldTheApplicationsClasses() {
		String classPath = new String(this.image.file("app/jib-classpath-file")).trim();

		assertThat(classPath.split(":")).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry).matches("/app/(classpath/\\*|libs/.+\\.jar)"));
		assertThat(this.image.layerOf("app/classpath/" + this.service + ".original.jar")).isNotNegative();
	}

	@Test
	void carriesOneVersionOfTheGoogleAuthLibrary() {
		String classPath = new String(this.image.file("app/jib-classpath-file")).trim();

		assertThat(Arrays.stream(classPath.split(":"))
			.filter((entry) -> entry.contains("/google-auth-library-"))
			.map((entry) -> entry.replaceAll(".*-(\\d[^-]*)\\.jar", "$1"))
			.distinct()).hasSize(1);
	}

	@Test
	void runsAsANonRootUserOnItsPort() {
		assertThat(this.image.user()).isEqualTo("65532:65532");
		assertThat(this.image.exposedPorts()).containsExactly(this.port + "/tcp");
		assertThat(this.image.environment()).contains("PORT=" + this.port, "BIND_ADDRESS=0.0.0.0");
	}

	@Test
	void isLabelledWithVersionAndCommit() {
		assertThat(this.image.labels()).containsEntry("org.opencontainers.image.title", this.service)
			.containsEntry("org.opencontainers.image.version", "1.0.0")
			.hasEntrySatisfying("org.opencontainers.image.revision",
					(commit) -> assertThat(commit).matches("[0-9a-f]{40}"));
	}

	@Test
	void shipsTheAgentAndTheLauncherInLayersOfTheirOwn() {
		int agentLayer = this.image.layerOf("opt/cprof/profiler_java_agent.so");
		int launcherLayer = this.image.layerOf("opt/perfwatch/launch.sh");
		assertThat(agentLayer).isNotNegative();
		assertThat(launcherLayer).isNotNegative().isNotEqualTo(agentLayer);
		assertThat(this.image.layerOf("app/jib-classpath-file")).isNotNegative().isNotIn(agentLayer, launcherLayer);
		assertThat(new String(this.image.file("opt/perfwatch/launch.sh"))).startsWith("#!/bin/sh");
	}

}
