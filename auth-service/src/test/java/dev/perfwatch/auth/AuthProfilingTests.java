package dev.perfwatch.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.perfwatch.observability.profiling.ProfileUnderLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With profiling on and a short load, the recipe's two allocation hotspots show in the auth
 * service's allocation profile, weighted by bytes: hashing tokens allocates most (a string, its
 * bytes, a digest and its hex for each of the 1000 rounds), building the session comes second,
 * and between them they account for nearly all the request allocates.
 * <p>
 * Measured on the shared 2-core machine, three runs of 13 windows each: token hashing took 0.70
 * to 0.86 of the handler's bytes, session building 0.14 to 0.30, together at least 0.996; the
 * next callee never above 0.004. Bytes, unlike CPU samples, do not depend on how loaded the
 * machine is. The thresholds stay well below those minimums.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PERFWATCH_PROFILING=on", "PERFWATCH_PROFILING_PERIOD=2s", "PERFWATCH_PROFILING_WINDOW=1s",
				"management.tracing.sampling.probability=0" })
class AuthProfilingTests {

	private static final double HASH_TOKENS_THRESHOLD = 0.5;

	private static final double CREATE_SESSION_THRESHOLD = 0.1;

	private static final double BOTH_THRESHOLD = 0.95;

	private static final Duration DEADLINE = Duration.ofSeconds(25);

	private static final String HASH_TOKENS = "dev/perfwatch/auth/TokenHasher.hashTokens";

	private static final String CREATE_SESSION = "dev/perfwatch/auth/SessionFactory.create";

	private static final String REQUEST_HANDLER = "dev/perfwatch/auth/AuthController.verify";

	@TempDir
	static Path profiles;

	@DynamicPropertySource
	static void profilesDir(DynamicPropertyRegistry registry) {
		registry.add("PERFWATCH_PROFILES_DIR", profiles::toString);
	}

	private final ProfileUnderLoad load;

	AuthProfilingTests(@LocalServerPort int port) {
		this.load = new ProfileUnderLoad(profiles.resolve("auth-service"),
				URI.create("http://127.0.0.1:" + port + "/auth/verify"), REQUEST_HANDLER);
	}

	@Test
	void tokenHashingThenSessionBuildingAllocateNearlyAllOfTheRequestsBytes() throws Exception {
		this.load.allocProfileSatisfies((costs) -> {
			assertThat(costs.calleesByShare().keySet())
				.as("what the handler calls, by share of its allocated bytes: %s", costs.calleesByShare())
				.startsWith(HASH_TOKENS, CREATE_SESSION);
			assertThat(costs.shareOf(HASH_TOKENS)).as("share of the requests' allocated bytes in %s", HASH_TOKENS)
				.isGreaterThan(HASH_TOKENS_THRESHOLD);
			assertThat(costs.shareOf(CREATE_SESSION)).as("share of the requests' allocated bytes in %s", CREATE_SESSION)
				.isGreaterThan(CREATE_SESSION_THRESHOLD);
			assertThat(costs.shareOf(HASH_TOKENS) + costs.shareOf(CREATE_SESSION))
				.as("share of the requests' allocated bytes in both")
				.isGreaterThan(BOTH_THRESHOLD);
		}, DEADLINE);
	}

}
