package dev.perfwatch.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With profiling on and a short load, building sessions stands out in the auth service's
 * allocation profile, weighted by bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PERFWATCH_PROFILING=on", "PERFWATCH_PROFILING_PERIOD=2s", "PERFWATCH_PROFILING_WINDOW=1s",
				"management.tracing.sampling.probability=0" })
class AuthProfilingTest {

	private static final double THRESHOLD = 0.1;

	private static final Duration DEADLINE = Duration.ofSeconds(25);

	private static final String CREATE_SESSION = "dev/perfwatch/auth/SessionFactory.create";

	private static final String REQUEST_HANDLER = "dev/perfwatch/auth/AuthController.verify";

	@TempDir
	static Path profiles;

	@DynamicPropertySource
	static void profilesDir(DynamicPropertyRegistry registry) {
		registry.add("PERFWATCH_PROFILES_DIR", profiles::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void sessionBuildingIsAmongTheTopFramesOfTheNewestAllocationProfile() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Path serviceDir = profiles.resolve("auth-service");
		Instant deadline = Instant.now().plus(DEADLINE);
		Path measured = null;
		Map<String, Long> totals = Map.of();
		while (Instant.now().isBefore(deadline)) {
			for (int i = 0; i < 20; i++) {
				http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/auth/verify")).build(),
						HttpResponse.BodyHandlers.discarding());
			}
			Optional<Path> newest = newestAllocRecording(serviceDir);
			if (newest.isPresent() && !newest.get().equals(measured)) {
				measured = newest.get();
				totals = totalsByFrame(collapsedAllocStacks(measured));
				if (shareOfRequests(CREATE_SESSION, totals) > THRESHOLD) {
					break;
				}
			}
		}

		assertThat(shareOfRequests(CREATE_SESSION, totals)).as("share of the requests' allocated bytes in %s", CREATE_SESSION)
			.isGreaterThan(THRESHOLD);
		assertThat(topApplicationFrames(totals, 3)).contains(CREATE_SESSION);
	}

	private static Optional<Path> newestAllocRecording(Path serviceDir) throws IOException {
		if (!Files.isDirectory(serviceDir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(serviceDir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-alloc.jfr")).max(Path::compareTo);
		}
	}

	private static List<String> collapsedAllocStacks(Path jfr) throws IOException {
		ByteArrayOutputStream collapsed = new ByteArrayOutputStream();
		try (JfrReader reader = new JfrReader(jfr.toString())) {
			JfrToFlame converter = new JfrToFlame(reader, new Arguments("--alloc", "--total", "--output", "collapsed"));
			converter.convert();
			converter.dump(collapsed);
		}
		return collapsed.toString(StandardCharsets.UTF_8).lines().toList();
	}

	/**
	 * Bytes per frame, counting a frame once per stack.
	 */
	private static Map<String, Long> totalsByFrame(List<String> collapsedStacks) {
		Map<String, Long> totals = new HashMap<>();
		for (String line : collapsedStacks) {
			int space = line.lastIndexOf(' ');
			long samples = Long.parseLong(line.substring(space + 1));
			Stream.of(line.substring(0, space).split(";"))
				.map((frame) -> frame.replaceFirst("_\\[.]$", ""))
				.distinct()
				.forEach((frame) -> totals.merge(frame, samples, Long::sum));
		}
		return totals;
	}

	/**
	 * The frame's part of what the request handler costs: the test's own work runs in the same
	 * JVM and would distort a share of everything.
	 */
	private static double shareOfRequests(String frame, Map<String, Long> totals) {
		long requests = totals.getOrDefault(REQUEST_HANDLER, 0L);
		return (requests > 0) ? (double) totals.getOrDefault(frame, 0L) / requests : 0;
	}

	/**
	 * The auth service's own frames that allocate the most, aside from the controller method that
	 * calls them and this test, which runs in the same JVM.
	 */
	private static List<String> topApplicationFrames(Map<String, Long> totals, int count) {
		return totals.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("dev/perfwatch/auth/")
					&& !entry.getKey().startsWith(REQUEST_HANDLER)
					&& !entry.getKey().startsWith("dev/perfwatch/auth/AuthProfilingTest"))
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(count)
			.map(Map.Entry::getKey)
			.toList();
	}

}
