package dev.perfwatch.observability.testing;

import java.nio.charset.StandardCharsets;

import org.springframework.web.client.RestClient;

/**
 * The service under test on its random local port, asked over real HTTP. Any status comes back
 * as an {@link Answer} rather than an exception, so tests assert on error bodies too.
 */
public final class LocalServer {

	private final RestClient client;

	private final int port;

	public LocalServer(RestClient.Builder builder, int port) {
		this.client = builder.build();
		this.port = port;
	}

	public Answer get(String path) {
		return this.client.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	public record Answer(int status, String body) {

	}

}
