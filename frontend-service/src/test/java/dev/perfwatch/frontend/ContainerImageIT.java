package dev.perfwatch.frontend;

import java.nio.file.Path;

import dev.perfwatch.observability.image.ImageTarball;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image Jib builds for this service, read from the tarball that the {@code verify} phase
 * builds on an empty base with a stand-in Cloud Profiler agent (root pom.xml).
 */
class ContainerImageIT {

	private static ImageTarball image;

	@BeforeAll
	static void readImage() throws Exception {
		image = ImageTarball.read(Path.of("target/image-test/image.tar"));
	}

	@Test
	void startsTheJvmThroughTheLauncherWithTheCloudProfilerAgentForThisService() {
		assertThat(image.entrypoint()).containsExactly("/bin/sh", "/opt/perfwatch/launch.sh", "java",
				"-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
				"-agentpath:/opt/cprof/profiler_java_agent.so=-cprof_service=frontend-service,"
						+ "-cprof_service_version=1.0.0,-cprof_enable_heap_sampling=true",
				"-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file");
		assertThat(new String(image.file("app/jib-main-class-file")).trim())
			.isEqualTo("dev.perfwatch.frontend.FrontendApplication");
	}

	@Test
	void runsAsANonRootUserOnItsPort() {
		assertThat(image.user()).isEqualTo("65532:65532");
		assertThat(image.exposedPorts()).containsExactly("8080/tcp");
		assertThat(image.environment()).contains("PORT=8080", "BIND_ADDRESS=0.0.0.0");
	}

	@Test
	void isLabelledWithVersionAndCommit() {
		assertThat(image.labels()).containsEntry("org.opencontainers.image.title", "frontend-service")
			.containsEntry("org.opencontainers.image.version", "1.0.0")
			.hasEntrySatisfying("org.opencontainers.image.revision",
					(commit) -> assertThat(commit).matches("[0-9a-f]{40}"));
	}

	@Test
	void shipsTheAgentAndTheLauncherInLayersOfTheirOwn() {
		int agentLayer = image.layerOf("opt/cprof/profiler_java_agent.so");
		int launcherLayer = image.layerOf("opt/perfwatch/launch.sh");
		assertThat(agentLayer).isNotNegative();
		assertThat(launcherLayer).isNotNegative().isNotEqualTo(agentLayer);
		assertThat(image.layerOf("app/jib-classpath-file")).isNotNegative().isNotIn(agentLayer, launcherLayer);
		assertThat(new String(image.file("opt/perfwatch/launch.sh"))).startsWith("#!/bin/sh");
	}

}
