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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.SpanEvent;
import dev.perfwatch.profiles.format.SpanIds;
import dev.perfwatch.profiles.format.SpanScopeEvent;
import dev.perfwatch.profiles.format.WindowFiles;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
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
class ContinuousProfilerTests {

	private static final Duration DEADLINE = Duration.ofSeconds(25);

	private static final String SERVICE = "profiled-app";

	private static final String HANDLER_SPIN = "dev/perfwatch/observability/profiling/ProfiledApp$Work.spin";

	private static final String HANDLER_ALLOCATE = "dev/perfwatch/observability/profiling/ProfiledApp$Work.allocate";

	private static final String BURN = "dev/perfwatch/observability/profiling/ProfiledApp$CpuBurner.burn";

	private static final String BUILD = "dev/perfwatch/observability/profiling/ProfiledApp$ListBuilder.build";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path profiles;

	@Test
	void recordsCpuAllocWallAndSpanScopesOfEachWindowIntoOneJfrFileAndNothingElse() throws Exception {
		try (ConfigurableApplicationContext app = start("management.tracing.sampling.probability=1.0")) {
			int port = port(app);
			Path serviceDir = this.profiles.resolve(SERVICE);

			Path window = loadUntil(port, serviceDir,
					(candidate) -> HandlerCosts.read(candidate, ProfileType.CPU, HANDLER_SPIN).shareOf(BURN) > 0.5
							&& HandlerCosts.read(candidate, ProfileType.ALLOC, HANDLER_ALLOCATE).shareOf(BUILD) > 0.5);

			assertThat(HandlerCosts.read(window, ProfileType.WALL, HANDLER_SPIN).shareOf(BURN)).isPositive();
			List<RecordedEvent> scopes = events(window, SpanScopeEvent.NAME);
			List<RecordedEvent> spans = events(window, SpanEvent.NAME);
			assertThat(scopes).isNotEmpty().allSatisfy((scope) -> {
				assertThat(SpanIds.traceId(scope.getLong("traceIdHigh"), scope.getLong("traceIdLow"))).hasSize(32);
				assertThat(scope.getLong("spanId")).isNotZero();
				assertThat(scope.getThread().getOSThreadId()).isPositive();
				assertThat(scope.getStackTrace()).isNull();
				// Spring Boot's few-microsecond scope around each observation's timer is left out.
				assertThat(scope.getDuration()).isGreaterThanOrEqualTo(Duration.ofNanos(50_000));
			});
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.getString("name")).isEqualTo("http get /spin");
				assertThat(span.getString("kind")).isEqualTo("SERVER");
				assertThat(span.getString("service")).isEqualTo(SERVICE);
				assertThat(span.getLong("durationMicros")).isPositive();
			});
			assertThat(list(serviceDir)).allMatch((name) -> name.matches("\\d{8}T\\d{6}Z\\.jfr(\\.part)?"));
		}
	}

	@Test
	void recordsNoSpanEventsWhenTheyAreTurnedOff() throws Exception {
		try (ConfigurableApplicationContext app = start("management.tracing.sampling.probability=1.0",
				"perfwatch.profiling.span-events=false")) {
			Path window = loadUntil(port(app), this.profiles.resolve(SERVICE),
					(candidate) -> HandlerCosts.read(candidate, ProfileType.CPU, HANDLER_SPIN).shareOf(BURN) > 0.5);
			assertThat(events(window, SpanScopeEvent.NAME)).isEmpty();
			assertThat(app.getBeansOfType(SpanScopeRecorder.class)).isEmpty();
		}
	}

	@Test
	void keepsABusyServiceToItsAllocationSampleRate() throws Exception {
		// Every kilobyte would be thousands of samples a second under this load.
		try (ConfigurableApplicationContext app = start("perfwatch.profiling.alloc-interval=1KB",
				"perfwatch.profiling.alloc-samples-per-second=20")) {
			Path serviceDir = this.profiles.resolve(SERVICE);
			// The third window's interval comes from a period under load, not from the start-up.
			Path window = loadUntil(port(app), serviceDir, (candidate) -> WindowFiles.complete(serviceDir).size() >= 3
					&& HandlerCosts.read(candidate, ProfileType.ALLOC, HANDLER_ALLOCATE).shareOf(BUILD) > 0);
			long samples = RecordingFile.readAllEvents(window)
				.stream()
				.filter((event) -> event.getEventType().getName().startsWith("jdk.ObjectAllocation"))
				.count();
			assertThat(samples).isPositive().isLessThan(100);
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
	 * Starts the app with profiling switched on as a user does, on a short schedule; settings given
	 * here win over the shared defaults, as command-line arguments would.
	 */
	private ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(List.of("--perfwatch.profiling.period=2s", "--perfwatch.profiling.window=1s"));
		Stream.of(more).map((setting) -> "--" + setting).forEach(arguments::add);
		return new SpringApplicationBuilder(ProfiledApp.class).properties(commonProperties())
			.properties("PERFWATCH_PROFILING=on")
			.run(arguments.toArray(String[]::new));
	}

	private String[] commonProperties() {
		return new String[] { "spring.application.name=" + SERVICE, "server.port=0",
				"management.tracing.sampling.probability=0", "PERFWATCH_PROFILES_DIR=" + this.profiles };
	}

	private Path loadUntil(int port, Path serviceDir, WindowCheck wanted) throws Exception {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (Instant.now().isBefore(deadline)) {
			for (int i = 0; i < 3; i++) {
				get(port, "/spin");
				get(port, "/allocate");
			}
			List<Path> windows = WindowFiles.complete(serviceDir);
			if (!windows.isEmpty() && wanted.test(windows.get(windows.size() - 1))) {
				return windows.get(windows.size() - 1);
			}
		}
		throw new AssertionError("No window showed the load within " + DEADLINE + "; files: " + list(serviceDir));
	}

	@FunctionalInterface
	private interface WindowCheck {

		boolean test(Path window) throws IOException;

	}

	private static List<RecordedEvent> events(Path window, String name) throws IOException {
		return RecordingFile.readAllEvents(window)
			.stream()
			.filter((event) -> event.getEventType().getName().equals(name))
			.toList();
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
