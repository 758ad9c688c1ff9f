package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfwatch.profiles.format.WindowFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a short load from the load generator through the real services, profiling themselves in
 * trace mode, the {@code profiles} command must point at the recipe's hotspots in each service and
 * draw the slowest request's trace across all four, each hotspot under the span that ran it.
 */
@Order(1) // First, while it has the machine to itself: the shared suite starts with the next class.
class ProfilesIT {

	private static LocalSuite suite;

	private static final List<String> SERVICES = List.of("frontend-service", "api-gateway-service", "auth-service",
			"data-service");

	/**
	 * How many of the slowest requests to look through for one every service recorded. The slowest
	 * of all are often those a window's start or end slowed down, half in a window and half out.
	 */
	private static final int CANDIDATES = 40;

	/** At 100 us a sample, the auth service's quarter millisecond of hashing alone gives two. */
	private static final int MIN_CPU_SAMPLES = 3;

	/** The gateway recorded at least 100 ms of its part, at trace mode's 10 ms a wall sample. */
	private static final int MIN_WALL_SAMPLES = 10;

	private static JsonNode report;

	private static Path snapshot;

	@BeforeAll
	static void load() throws IOException {
		suite = new LocalSuite(Path.of(System.getProperty("perfwatch.profiles", "target/e2e-profiles")).resolveSibling("e2e-dense-profiles"), true).start();
		Instant loadStart = Instant.now();
		Path out = suite.profilesDir().resolveSibling("profiles-it-load.json");
		Result load = run(suite, "load-generator/target/load-generator.jar", "-c", "4", "-d", "12s", "--warmup", "5s", "--slowest", String.valueOf(CANDIDATES),
				"--out", out.toString(), LocalSuite.url(suite.frontendPort) + "/");
		assertThat(load.exitCode()).as(load.output()).isZero();
		report = JsonMapper.builder().build().readTree(out.toFile());
		// A window that ended after the load saw its end.
		Instant loadEnd = Instant.now();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String service : SERVICES) {
				assertThat(WindowFiles.complete(suite.profilesDir().resolve(service)))
					.anySatisfy((window) -> assertThat(Files.getLastModifiedTime(window).toInstant()).isAfter(loadEnd));
			}
		});
		snapshot = snapshotOfTheLoad(loadStart.minus(suite.profilingPeriod()), loadEnd);
	}

	/**
	 * The windows that saw the load, copied where the services' pruning cannot reach them: the
	 * suite records on while the commands read, and a dense suite's oldest windows go within minutes.
	 */
	private static Path snapshotOfTheLoad(Instant from, Instant to) throws IOException {
		Path snapshot = suite.profilesDir().resolveSibling("e2e-dense-snapshot");
		FileSystemUtils.deleteRecursively(snapshot);
		for (String service : SERVICES) {
			Path copies = Files.createDirectories(snapshot.resolve(service));
			for (Path window : WindowFiles.complete(suite.profilesDir().resolve(service))) {
				Instant start = WindowFiles.startOf(window);
				if (!start.isBefore(from) && !start.isAfter(to)) {
					Files.copy(window, copies.resolve(window.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		return snapshot;
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void eachServicesProfileShowsTheRecipesHotspotsAmongItsOwnCode() {
		assertThat(ownCode(suite, "frontend-service", "cpu")).contains("dev.perfwatch.frontend.RandomComputation.compute");
		assertThat(ownCode(suite, "auth-service", "alloc")).contains("dev.perfwatch.auth.SessionFactory.create")
			.contains("dev.perfwatch.auth.TokenHasher.hashTokens");
		assertThat(ownCode(suite, "auth-service", "cpu")).contains("dev.perfwatch.auth.TokenHasher.hashTokens");
		assertThat(frames("data-service", "cpu", "dev\\.perfwatch\\.data\\..*|org\\.h2\\..*"))
			.contains("dev.perfwatch.data.RecipeCategoryStatsQuery.above")
			.contains("org.h2.command.query.Select");
		// The processing is a small share next to H2's long call chain, which fills any top list of
		// both: look among the data service's own frames alone.
		assertThat(frames("data-service", "cpu", "dev\\.perfwatch\\.data\\..*"))
			.contains("dev.perfwatch.data.StatisticsProcessor.");
	}

	@Test
	void theSlowestFullyProfiledRequestsTraceShowsEveryServiceWithItsHotspotsUnderItsSpans() throws IOException {
		Path collapsed = suite.profilesDir().resolveSibling("slowest-trace.collapsed");
		// Sampled by every service, H2 and the hashing included: a service can record a trace's spans
		// (they ended in its window) while its work for it ran before the window started, and a
		// quarter millisecond of hashing can fall between two samples even at 100 us.
		String traceId = slowestRecordedByAllFour("cpu", collapsed,
				(output) -> SERVICES.stream().allMatch((service) -> samplesOf(service, output) >= MIN_CPU_SAMPLES)
						&& showsBothHotspots(stacks(collapsed)));
		List<String> stacks = stacks(collapsed);
		for (String service : SERVICES) {
			assertThat(stacks).as(service).anyMatch((line) -> line.startsWith(service + ";"));
		}
		assertThat(h2UnderDatabaseQuery(stacks)).as("H2 under database_query").isTrue();
		assertThat(hashesUnderAuthsServerSpan(stacks)).as("hashing under auth's server span").isTrue();
		assertThat(snapshot.resolve("traces").resolve(traceId + "-cpu.html")).isNotEmptyFile();
		// What a user finds in Zipkin: a local root span that ended inside a window says how to draw
		// this graph (one that ended in the gap after its window, as a caller's root can, has no tag).
		List<JsonNode> spans = ZipkinTraces.await(suite, traceId, (all) -> !profileTags(all).isEmpty(),
				Duration.ofSeconds(20));
		assertThat(profileTags(spans)).allSatisfy((tag) -> assertThat(tag).startsWith("profiles --dir ")
			.endsWith(" --trace " + traceId));
	}

	private static List<String> profileTags(List<JsonNode> spans) {
		return spans.stream()
			.map((span) -> span.path("tags").path("perfwatch.profile"))
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.toList();
	}

	@Test
	void theWallGraphShowsTheGatewayWaitingInItsClientSpans() throws IOException {
		Path collapsed = suite.profilesDir().resolveSibling("slowest-trace-wall.collapsed");
		// Among the slow requests the gateway recorded whole (a slow request often straddles the end of
		// a window, and then only its tail has wall samples), one whose waiting was sampled: under
		// load, async-profiler's wall samples of a thread are sparse and may all land elsewhere, such
		// as a safepoint. If samples were not joined to client spans, none would qualify.
		slowestRecordedByAllFour("wall", collapsed, (output) -> samplesOf("api-gateway-service", output) >= MIN_WALL_SAMPLES
				&& gatewayWaitsInClientSpan(stacks(collapsed)));
		assertThat(gatewayWaitsInClientSpan(stacks(collapsed))).as("gateway waiting on data inside its client span")
			.isTrue();
	}

	private static boolean showsBothHotspots(List<String> stacks) {
		return h2UnderDatabaseQuery(stacks) && hashesUnderAuthsServerSpan(stacks);
	}

	private static boolean h2UnderDatabaseQuery(List<String> stacks) {
		return stacks.stream()
			.anyMatch((line) -> line.startsWith("data-service;database_query [local, ") && line.contains(";org.h2."));
	}

	private static boolean hashesUnderAuthsServerSpan(List<String> stacks) {
		return stacks.stream()
			.anyMatch((line) -> line.startsWith("auth-service;http get /auth/verify [server, ")
					&& line.contains(";dev.perfwatch.auth.TokenHasher.hashTokens"));
	}

	private static boolean gatewayWaitsInClientSpan(List<String> stacks) {
		return stacks.stream()
			.anyMatch((line) -> line.matches("api-gateway-service;[^;]*\\[client, .*(NioSocketImpl|SocketInputStream|socketRead).*"));
	}

	private static List<String> stacks(Path collapsed) {
		try {
			return Files.readAllLines(collapsed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The slowest request of the load whose trace every service recorded, with {@code enough}
	 * samples: windows leave short gaps between them, and a request's part in one service may have
	 * fallen in one. A trace in no window, or with no samples, must be said plainly.
	 * @return its trace id, its graph's stacks written to {@code collapsed}
	 */
	private static String slowestRecordedByAllFour(String type, Path collapsed, Predicate<String> enough) {
		for (JsonNode slow : report.get("slowest")) {
			String traceId = slow.get("trace_id").asString();
			Result result = profiles(suite, "--trace", traceId, "--type", type, "--collapsed", collapsed.toString());
			if (result.exitCode() == 0 && result.output().contains("4 of 4 services recorded it")
					&& enough.test(result.output())) {
				assertThat(result.output()).contains("Flame graph: ");
				return traceId;
			}
			if (result.exitCode() != 0) {
				// Said plainly, in a line, never a stack trace.
				assertThat(result.output()).as(result.output()).doesNotContain("\tat ")
					.containsAnyOf("is in none of the", "samples fell inside its spans");
			}
		}
		throw new AssertionError("none of the " + CANDIDATES + " slowest requests was recorded and sampled enough by all four services");
	}

	/**
	 * @return the samples the {@code --trace} output counts for a service, from its line
	 * {@code <service>: <n> samples in <windows>}
	 */
	private static long samplesOf(String service, String output) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(service) + ": ([0-9,]+) samples in ").matcher(output);
		return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : 0;
	}

	@Test
	void anUnknownServiceIsRejectedInOneLine() {
		Result result = profiles(suite, "--service", "no-such-service");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output().strip().lines()).singleElement().asString().startsWith("profiles: ");
	}

	private static String ownCode(LocalSuite suite, String service, String type) {
		Result result = profiles(suite, "--service", service, "--type", type, "--top", "40");
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output().substring(0, result.output().indexOf("All code, top"));
	}

	private static String frames(String service, String type, String pattern) {
		Result result = profiles(suite, "--service", service, "--type", type, "--top", "40", "--frames", pattern);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

	private static Result profiles(LocalSuite suite, String... options) {
		List<String> arguments = new ArrayList<>(List.of("--dir", snapshot.toString()));
		arguments.addAll(List.of(options));
		return run(suite, "profiles-cli/target/profiles.jar", arguments.toArray(String[]::new));
	}

	private static Result run(LocalSuite suite, String jar, String... arguments) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", suite.root().resolve(jar).toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Result(int exitCode, String output) {

	}

}
