package dev.perfwatch.observability.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images' entrypoint script ({@code jib/common/opt/perfwatch/launch.sh}): it passes the command
 * line through, minus the Cloud Profiler agent flag when the agent is switched off or absent and
 * minus the AOT cache flag when the image holds no cache; or, for the training run, with the
 * cache flag turned into the one that creates the cache.
 * {@code printf} stands in for {@code java} and prints the arguments it receives.
 */
class LaunchScriptTests {

	private static final Path SCRIPT = Path.of("..", "jib", "common", "opt", "perfwatch", "launch.sh");

	@TempDir
	Path cprof;

	@Test
	void keepsTheAgentFlagWhenTheAgentIsInTheImage() throws Exception {
		String agentFlag = agentFlag(Files.createFile(this.cprof.resolve("profiler_java_agent.so")));

		Launch launch = launch(Map.of(), "-Xss1m", agentFlag, "-cp", "a b");

		assertThat(launch.arguments()).containsExactly("-Xss1m", agentFlag, "-cp", "a b");
		assertThat(launch.errors()).contains("Cloud Profiler agent on");
	}

	@Test
	void dropsTheAgentFlagWhenCprofEnabledIsFalse() throws Exception {
		String agentFlag = agentFlag(Files.createFile(this.cprof.resolve("profiler_java_agent.so")));

		Launch launch = launch(Map.of("CPROF_ENABLED", "false"), "-Xss1m", agentFlag, "-cp", "a b");

		assertThat(launch.arguments()).containsExactly("-Xss1m", "-cp", "a b");
		assertThat(launch.errors()).contains("CPROF_ENABLED=false");
	}

	@Test
	void dropsTheAgentFlagWhenTheImageHasNoAgent() throws Exception {
		Launch launch = launch(Map.of(), agentFlag(this.cprof.resolve("profiler_java_agent.so")), "-version");

		assertThat(launch.arguments()).containsExactly("-version");
		assertThat(launch.errors()).contains("is not in this image");
	}

	@Test
	void keepsTheAotCacheFlagWhenTheCacheIsInTheImage() throws Exception {
		String cacheFlag = "-XX:AOTCache=" + Files.createFile(this.cprof.resolve("app.aot"));

		Launch launch = launch(Map.of(), "-Xss1m", cacheFlag, "-cp", "a b");

		assertThat(launch.arguments()).containsExactly("-Xss1m", cacheFlag, "-cp", "a b");
		assertThat(launch.errors()).contains("AOT cache on");
	}

	@Test
	void dropsTheAotCacheFlagWhenTheImageHasNotBeenTrained() throws Exception {
		Launch launch = launch(Map.of(), "-XX:AOTCache=" + this.cprof.resolve("app.aot"), "-version");

		assertThat(launch.arguments()).containsExactly("-version");
		assertThat(launch.errors()).contains("AOT cache off");
	}

	@Test
	void trainingRunWritesTheCacheWithTheSameCommandLineWithoutTheAgentAndStopsAfterRefresh() throws Exception {
		String agentFlag = agentFlag(Files.createFile(this.cprof.resolve("profiler_java_agent.so")));
		String output = this.cprof.resolve("trained.aot").toString();

		Launch launch = launch(Map.of("PERFWATCH_AOT_TRAINING", output), "-Xss1m",
				"-XX:AOTCache=" + this.cprof.resolve("app.aot"), agentFlag, "-cp", "a b", "Main");

		assertThat(launch.arguments()).containsExactly("-Xss1m", "-XX:AOTCacheOutput=" + output,
				"-Dspring.context.exit=onRefresh", "-cp", "a b", "Main");
		assertThat(launch.errors()).contains("training run");
	}

	private static String agentFlag(Path agent) {
		return "-agentpath:" + agent + "=-cprof_service=frontend-service,-cprof_service_version=1.0.0,"
				+ "-cprof_enable_heap_sampling=true";
	}

	private static Launch launch(Map<String, String> environment, String... javaArguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/bin/sh", SCRIPT.toString(), "printf", "%s\\n"));
		command.addAll(List.of(javaArguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("CPROF_ENABLED");
		builder.environment().remove("PERFWATCH_AOT_TRAINING");
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Launch(out.lines().toList(), err);
	}

	private record Launch(List<String> arguments, String errors) {

	}

}
