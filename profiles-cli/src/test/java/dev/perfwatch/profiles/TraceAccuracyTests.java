package dev.perfwatch.profiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.WindowFiles;
import dev.perfwatch.profiles.recording.SpanInfo;
import dev.perfwatch.profiles.recording.WindowRecording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records a real traced app in trace mode, as the services record themselves, and checks that
 * samples land in the span that ran them: the CPU burnt in the server span's own method under the
 * server span, the waiting in the child span under the child.
 */
class TraceAccuracyTests {

	private static final String SERVICE = "traced-app";

	private static final int REQUESTS = 25;

	private static final String BURN = "dev.perfwatch.profiles.TracedApp$Burner.burn";

	private static final String PAUSE = "dev.perfwatch.profiles.TracedApp$Waiter.pause";

	@TempDir
	static Path profiles;

	private static final List<String> traceIds = new ArrayList<>();

	private static final List<WindowRecording> windows = new ArrayList<>();

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void recordRequests() throws Exception {
		app = new SpringApplicationBuilder(TracedApp.class)
			.properties("spring.application.name=" + SERVICE, "server.port=0", "PERFWATCH_PROFILING=on",
					"PERFWATCH_PROFILES_DIR=" + profiles, "management.tracing.sampling.probability=1.0",
					"logging.level.zipkin2.reporter=off", "logging.level.brave=off")
			.run("--perfwatch.profiling.mode=trace", "--perfwatch.profiling.period=5s",
					"--perfwatch.profiling.window=4s");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpClient http = HttpClient.newHttpClient();
		// The first window opens as the app starts; requests before it would not be recorded.
		Path serviceDir = profiles.resolve(SERVICE);
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.isDirectory(serviceDir));
		for (int i = 0; i < REQUESTS; i++) {
			String traceId = hex(ThreadLocalRandom.current().nextLong()) + hex(ThreadLocalRandom.current().nextLong());
			traceIds.add(traceId);
			// Every fifth request is one of the slow ones.
			String path = (i % 5 == 4) ? "/work?slow=true" : "/work";
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("traceparent", "00-" + traceId + "-" + hex(ThreadLocalRandom.current().nextLong()) + "-01")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			windows.clear();
			for (Path window : WindowFiles.complete(serviceDir)) {
				windows.add(WindowRecording.read(window, SERVICE));
			}
			Set<String> recorded = new HashSet<>();
			windows.forEach((window) -> window.spans().forEach((span) -> recorded.add(span.traceId())));
			assertThat(recorded).containsAll(traceIds.subList(traceIds.size() - 5, traceIds.size()));
		});
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void cpuOfTheServerSpansOwnMethodFallsUnderTheServerSpan() {
		Map<String, Long> bySpanKind = samplesBySpanKind(ProfileType.CPU, BURN);
		long all = bySpanKind.values().stream().mapToLong(Long::longValue).sum();
		assertThat(all).as("CPU samples in " + BURN).isGreaterThan(50);
		assertThat(bySpanKind.getOrDefault("SERVER", 0L)).as(bySpanKind.toString()).isGreaterThanOrEqualTo((long) (0.9 * all));
	}

	@Test
	void waitingInTheChildSpanFallsUnderTheChildSpan() {
		Map<String, Long> bySpanKind = samplesBySpanKind(ProfileType.WALL, PAUSE);
		long all = bySpanKind.values().stream().mapToLong(Long::longValue).sum();
		assertThat(all).as("wall samples in " + PAUSE).isGreaterThan(50);
		assertThat(bySpanKind.getOrDefault("waiting", 0L)).as(bySpanKind.toString()).isGreaterThanOrEqualTo((long) (0.9 * all));
	}

	@Test
	void inTraceModeOnlyThreadsInsideASpanGetWallSamples() {
		// Without the thread filter, each idle pool thread would get a sample every 10 ms of every window.
		long[] insideAndOutside = new long[2];
		for (WindowRecording window : windows) {
			window.samples(ProfileType.WALL,
					(sample) -> insideAndOutside[(sample.spanId() != null) ? 0 : 1] += sample.weight());
		}
		assertThat(insideAndOutside[0]).as("wall samples inside spans").isGreaterThan(50);
		assertThat(insideAndOutside[1]).as("wall samples outside spans, next to " + insideAndOutside[0] + " inside")
			.isLessThan(insideAndOutside[0] / 10);
	}

	@Test
	void theCommandDrawsOneTracesGraphAndCountsItsSpans() throws IOException {
		String traceId = traceIds.get(traceIds.size() - 3);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Path html = profiles.resolve("trace.html");

		int exit = ProfilesCli.commandLine(new ProfilesCli(Map.of(), Clock.systemUTC()), new PrintWriter(out, true),
				new PrintWriter(err, true))
			.execute("--dir", profiles.toString(), "--trace", traceId, "--type", "wall", "--html", html.toString());

		assertThat(exit).as(err.toString()).isZero();
		assertThat(out.toString()).contains("Trace " + traceId + ", wall profile, 1 of 1 services recorded it")
			.containsPattern("(?m)^\\s+\\d+\\.\\d\\d\\s+[1-9]\\d*\\s+http get /work \\[server, ")
			.containsPattern("(?m)^\\s+\\d+\\.\\d\\d\\s+[1-9]\\d*\\s+waiting \\[local, ")
			.contains(PAUSE);
		assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Trace " + traceId).contains("waiting [local");
	}

	@Test
	void theDiffOfTheSlowestRequestsAgainstTheTypicalOnesNamesWhatMadeThemSlowFirst() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exit = ProfilesCli.commandLine(new ProfilesCli(Map.of(), Clock.systemUTC()), new PrintWriter(out, true),
				new PrintWriter(err, true))
			.execute("--dir", profiles.toString(), "--diff", "--slowest", "4", "--type", "cpu", "--html",
					profiles.resolve("slowest.html").toString());

		assertThat(exit).as(err.toString()).isZero();
		String yours = out.toString().substring(out.toString().indexOf("Your code, the largest changes"));
		assertThat(yours.lines().filter((line) -> line.matches("\\s+[+-]\\d.*")).findFirst()).as(yours)
			.hasValueSatisfying((first) -> assertThat(first).matches("\\s+\\+\\d+\\.\\d\\d .*TracedApp\\$SlowPath\\.burn"));
	}

	/**
	 * The samples of the test's traces whose stack holds the frame, by where the join put them:
	 * SERVER for the server span, the span's name for others, "none" outside any span.
	 */
	private static Map<String, Long> samplesBySpanKind(ProfileType type, String frame) {
		Set<String> ours = new HashSet<>(traceIds);
		Map<String, SpanInfo> spans = new HashMap<>();
		windows.forEach((window) -> window.spans().forEach((span) -> spans.put(span.spanId(), span)));
		Map<String, Long> counts = new HashMap<>();
		for (WindowRecording window : windows) {
			window.samples(type, (sample) -> {
				if (!sample.frames().contains(frame) || (sample.traceId() != null && !ours.contains(sample.traceId()))) {
					return;
				}
				SpanInfo span = (sample.spanId() != null) ? spans.get(sample.spanId()) : null;
				String where = (span == null) ? "none" : span.isServer() ? "SERVER" : span.name();
				counts.merge(where, sample.weight(), Long::sum);
			});
		}
		return counts;
	}

	private static String hex(long value) {
		return String.format("%016x", value);
	}

}
