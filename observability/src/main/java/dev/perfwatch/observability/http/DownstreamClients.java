package dev.perfwatch.observability.http;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@link DownstreamClient} per service a service calls. Each starts from Boot's
 * {@link RestClient.Builder}, which carries the tracing and metrics observation, so every call
 * is a client span with a {@code traceparent} header and an {@code http.client.requests} timer.
 */
public class DownstreamClients {

	private final RestClient.Builder builder;

	DownstreamClients(RestClient.Builder builder) {
		this.builder = builder;
	}

	/**
	 * A client for one downstream service.
	 * @param name how errors and logs name the callee, e.g. {@code auth-service}
	 * @param baseUrl the callee's root URL
	 * @param timeout bound on connecting and on waiting for the answer
	 */
	public DownstreamClient create(String name, String baseUrl, Duration timeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		RestClient restClient = this.builder.clone().baseUrl(baseUrl).requestFactory(requestFactory).build();
		return new DownstreamClient(name, restClient);
	}

}
