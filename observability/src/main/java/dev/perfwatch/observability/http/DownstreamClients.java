package dev.perfwatch.observability.http;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@link DownstreamClient} per service a service calls. Each starts from Boot's
 * {@link RestClient.Builder}, which carries the tracing and metrics observation, so every call
 * is a client span with a {@code traceparent} header and an {@code http.client.requests} timer.
 * {@link DownstreamClientCustomizer} beans then adjust each client (the gcp profile adds ID tokens).
 */
public class DownstreamClients {

	private final RestClient.Builder builder;

	private final ObjectProvider<DownstreamClientCustomizer> customizers;

	DownstreamClients(RestClient.Builder builder, ObjectProvider<DownstreamClientCustomizer> customizers) {
		this.builder = builder;
		this.customizers = customizers;
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
		RestClient.Builder client = this.builder.clone().baseUrl(baseUrl).requestFactory(requestFactory);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(name, baseUrl, client));
		return new DownstreamClient(name, client.build());
	}

}
