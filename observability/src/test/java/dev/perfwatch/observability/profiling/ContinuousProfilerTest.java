package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a small web app with the profiler on short windows, as every service runs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContinuousProfilerTest {

	private static final Duration DEADLINE = Duration.ofSeconds(25);

	private static final String SERVICE = "profiled-app";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path profiles;

	@Test
	void recordsCpuAllocAndWallOfEachWindowAsJfrFlameGraphAndPprof() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			int port = port(app);
			Path serviceDir = this.profiles.resolve(SERVICE);

			ProfileWindow window = loadUntil(port, serviceDir,
					(candidate) -> share(candidate, ProfileType.CPU, "CpuBurner.burn") > 0.2
							&& share(candidate, ProfileType.ALLOC, "ListBuilder.build") > 0.2);

			for (ProfileType type : ProfileType.values()) {
				assertThat(window.jfr(type)).isNotEmptyFile();
				PprofProfile profile = PprofProfile.read(window.pprof(type));
				assertThat(profile.stacks()).isNotEmpty();
				assertThat(Files.readString(window.html(type))).startsWith("<!DOCTYPE html>")
					.contains(SERVICE + " " + type.id())
					.doesNotContain("<script src=");
			}
			assertThat(PprofProfile.read(window.pprof(ProfileType.ALLOC)).sampleTypes()).containsExactly("allocations/bytes");
			assertThat(Files.readString(window.html(ProfileType.CPU))).contains("CpuBurner.burn");
		}
	}

	@Test
	void unreadableNativeLibraryLeavesTheServiceHealthy(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start("perfwatch.profiling.native-library=/nonexistent/libasyncProfiler.so")) {
			int port = port(app);
			Instant deadline = Instant.now().plus(DEADLINE);
			while (!output.getOut().contains("Continuous profiling of " + SERVICE + " stopped")
					&& Instant.now().isBefore(deadline)) {
				get(port, "/spin");
			}

			assertThat(get(port, "/health").statusCode()).isEqualTo(200);
			assertThat(get(port, "/spin").statusCode()).isEqualTo(200);
			assertThat(output.getOut().lines().filter((line) -> line.contains("Continuous profiling of " + SERVICE)))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("stopped, the service runs on without it")
				.contains("cannot read the async-profiler library /nonexistent/libasyncProfiler.so");
			assertThat(this.profiles.resolve(SERVICE)).doesNotExist();
		}
	}

	@Test
	void recordsNothingWhenProfilingIsOff() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProfiledApp.class)
			.properties(commonProperties())
			.run()) {
			assertThat(get(port(app), "/spin").statusCode()).isEqualTo(200);
			assertThat(app.getBean(ContinuousProfiler.class).isRunning()).isFalse();
			assertThat(this.profiles.resolve(SERVICE)).doesNotExist();
		}
	}

	/**
	 * Starts the app with profiling switched on through the same variables a user sets.
	 */
	private ConfigurableApplicationContext start(String... more) {
		return new SpringApplicationBuilder(ProfiledApp.class).properties(commonProperties())
			.properties("PERFWATCH_PROFILING=on", "PERFWATCH_PROFILING_PERIOD=2s", "PERFWATCH_PROFILING_WINDOW=1s")
			.properties(more)
			.run();
	}

	private String[] commonProperties() {
		return new String[] { "spring.application.name=" + SERVICE, "server.port=0",
				"management.tracing.sampling.probability=0", "PERFWATCH_PROFILES_DIR=" + this.profiles };
	}

	private ProfileWindow loadUntil(int port, Path serviceDir, Predicate<ProfileWindow> wanted) throws Exception {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (Instant.now().isBefore(deadline)) {
			for (int i = 0; i < 3; i++) {
				get(port, "/spin");
				get(port, "/allocate");
			}
			Optional<ProfileWindow> newest = newestCompleteWindow(serviceDir);
			if (newest.isPresent() && wanted.test(newest.get())) {
				return newest.get();
			}
		}
		throw new AssertionError("No window showed the load within " + DEADLINE + "; files: " + list(serviceDir));
	}

	/**
	 * The wall pprof is the last file a window gets, so its presence means the window is complete.
	 */
	static Optional<ProfileWindow> newestCompleteWindow(Path serviceDir) throws IOException {
		return list(serviceDir).stream()
			.filter((name) -> name.endsWith("-wall.pb.gz"))
			.max(String::compareTo)
			.map((name) -> new ProfileWindow(serviceDir,
					ProfileWindow.TIMESTAMP.parse(ProfileWindow.timestampOf(name), Instant::from)));
	}

	private static double share(ProfileWindow window, ProfileType type, String frame) {
		try {
			PprofProfile profile = PprofProfile.read(window.pprof(type));
			long total = profile.total(0);
			long matching = 0;
			for (int i = 0; i < profile.stacks().size(); i++) {
				if (profile.stacks().get(i).stream().anyMatch((name) -> name.contains(frame))) {
					matching += profile.values().get(i)[0];
				}
			}
			return (total > 0) ? (double) matching / total : 0;
		}
		catch (IOException ex) {
			throw new AssertionError("Unreadable " + window.pprof(type), ex);
		}
	}

	private static List<String> list(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
