package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.http.DownstreamHttpAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ID tokens on downstream calls: sent in the gcp profile only, with the callee's URL as audience,
 * fetched again once the cached one is about to expire.
 */
class ServiceToServiceAuthenticationTests {

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final FakeIdTokens tokens = new FakeIdTokens(Duration.ofHours(1));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
				DownstreamHttpAutoConfiguration.class, GcpAutoConfiguration.class))
		.withBean(FakeIdTokens.class, () -> this.tokens)
		.withPropertyValues("perfwatch.gcp.trace.project-id=perfwatch-test",
				"perfwatch.gcp.trace.endpoint=127.0.0.1:1", "perfwatch.gcp.trace.plaintext=true");

	private HttpServer callee;

	@BeforeEach
	void startCallee() throws IOException {
		this.callee = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.callee.createContext("/", (exchange) -> {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.authorizations.add(authorization != null ? authorization : "none");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.callee.start();
	}

	@AfterEach
	void stopCallee() {
		this.callee.stop(0);
	}

	@Test
	void sendsAnIdTokenForTheCalleeInTheGcpProfile() {
		this.runner.withPropertyValues("spring.profiles.active=gcp").run((context) -> {
			calleeClient(context.getBean(DownstreamClients.class), "/").get("/check");

			assertThat(this.tokens.audiences()).containsExactly(calleeUrl());
			assertThat(this.authorizations).singleElement().asString().startsWith("Bearer ");
			assertThat(payloadOf(this.authorizations.get(0))).contains("\"aud\":\"" + calleeUrl() + "\"");
		});
	}

	@Test
	void sendsNoCredentialsOutsideTheGcpProfile() {
		this.runner.run((context) -> {
			calleeClient(context.getBean(DownstreamClients.class), "").get("/check");

			assertThat(this.authorizations).containsExactly("none");
			assertThat(this.tokens.audiences()).isEmpty();
		});
	}

	@Test
	void reusesATokenUntilItIsAboutToExpireThenFetchesANewOne() {
		this.runner.withPropertyValues("spring.profiles.active=gcp").run((context) -> {
			DownstreamClient client = calleeClient(context.getBean(DownstreamClients.class), "");
			// Within the library's expiry margin (minutes), so it counts as expired at once.
			this.tokens.lifetime(Duration.ofSeconds(30));
			client.get("/1");
			client.get("/2");
			this.tokens.lifetime(Duration.ofHours(1));
			client.get("/3");
			client.get("/4");

			assertThat(this.tokens.audiences()).hasSize(3);
			assertThat(this.authorizations).hasSize(4);
			assertThat(this.authorizations.subList(0, 3)).doesNotHaveDuplicates();
			assertThat(this.authorizations.get(3)).isEqualTo(this.authorizations.get(2));
		});
	}

	private DownstreamClient calleeClient(DownstreamClients clients, String trailingSlash) {
		return clients.create("callee", calleeUrl() + trailingSlash, Duration.ofSeconds(5));
	}

	private String calleeUrl() {
		return "http://127.0.0.1:" + this.callee.getAddress().getPort();
	}

	private static String payloadOf(String authorization) {
		String jwt = authorization.substring("Bearer ".length());
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
