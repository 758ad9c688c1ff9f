package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a short load through the real services, profiling on, the {@code profiles} command of the
 * load-generator jar must point at the recipe's hotspots in each service.
 */
@ExtendWith(RunningSuite.class)
class ProfilesIT {

	private static final DateTimeFormatter WINDOW_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String OWN_FRAMES = "dev\\.perfwatch\\..*|org\\.h2\\..*";

	@Test
	void profilesCommandShowsTheRecipesHotspotsAfterAShortLoad(LocalSuite suite) {
		String loadStart = WINDOW_NAME.format(Instant.now());
		Load.run(LocalSuite.url(suite.frontendPort) + "/", 4, suite.profilingPeriod().multipliedBy(2));
		for (String service : List.of("frontend-service", "auth-service", "data-service")) {
			awaitWindowAfter(suite.profilesDir().resolve(service), loadStart);
		}

		assertThat(topFrames(suite, "frontend-service", "cpu")).contains("dev.perfwatch.frontend.RandomComputation.compute");
		assertThat(topFrames(suite, "auth-service", "alloc")).contains("dev.perfwatch.auth.SessionFactory.create")
			.contains("dev.perfwatch.auth.TokenHasher.hashTokens");
		assertThat(topFrames(suite, "auth-service", "cpu")).contains("dev.perfwatch.auth.TokenHasher.hashTokens");
		assertThat(topFrames(suite, "data-service", "cpu")).contains("dev.perfwatch.data.CategoryStatsQuery.above")
			.contains("org.h2.command.query.Select")
			.contains("dev.perfwatch.data.StatisticsProcessor.");
	}

	@Test
	void profilesCommandRejectsAnUnknownServiceInOneLine(LocalSuite suite) {
		Result result = profiles(suite, "--service", "no-such-service");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output().strip().lines()).singleElement().asString().startsWith("profiles: ");
	}

	private static String topFrames(LocalSuite suite, String service, String type) {
		Result result = profiles(suite, "--service", service, "--type", type, "--since", "2m", "--top", "20",
				"--frames", OWN_FRAMES);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

	private static Result profiles(LocalSuite suite, String... options) {
		Path jar = suite.root().resolve("load-generator/target/load-generator.jar");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "profiles", "--dir",
				suite.profilesDir().toString()));
		command.addAll(List.of(options));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
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

	// Windows are written whole under their start time; one that started during the load saw it.
	private static void awaitWindowAfter(Path serviceDir, String loadStart) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.exists(serviceDir) ? Files.list(serviceDir) : Stream.empty()) {
				if (files.map((file) -> file.getFileName().toString())
					.anyMatch((name) -> name.endsWith("-cpu.html") && name.compareTo(loadStart) > 0)) {
					return;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("No profiling window under load appeared in " + serviceDir);
	}

	record Result(int exitCode, String output) {

	}

}
