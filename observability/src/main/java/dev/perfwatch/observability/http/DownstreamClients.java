package dev.perfwatch.observability.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@link DownstreamClient} per service a service calls. Each starts from Boot's
 * {@link RestClient.Builder}, which carries the tracing and metrics observation, so every call
 * is a client span with a {@code traceparent} header and an {@code http.client.requests} timer.
 * {@link DownstreamClientCustomizer} beans then adjust each client (the gcp profile adds ID tokens).
 * <p>
 * Calls go through Apache HttpClient's blocking client: the request thread does the socket I/O
 * itself, where the JDK client hands every call to its selector thread and back, which costs
 * two thread switches per call on a machine with few cores.
 */
public class DownstreamClients implements DisposableBean {

	// One connection per concurrent call, as many as Tomcat has worker threads by default.
	private static final int MAX_CONNECTIONS = 200;

	private final RestClient.Builder builder;

	private final ObjectProvider<DownstreamClientCustomizer> customizers;

	private final List<CloseableHttpClient> httpClients = new CopyOnWriteArrayList<>();

	DownstreamClients(RestClient.Builder builder, ObjectProvider<DownstreamClientCustomizer> customizers) {
		this.builder = builder;
		this.customizers = customizers;
	}

	/**
	 * A client for one downstream service.
	 * @param name how errors and logs name the callee, e.g. {@code auth-service}
	 * @param baseUrl the callee's root URL
	 * @param timeout bound on connecting and on each wait for the answer's bytes; a call can only
	 * take longer when all connections are busy and it first waits (up to the timeout) for one
	 */
	public DownstreamClient create(String name, String baseUrl, Duration timeout) {
		Timeout bound = Timeout.of(timeout);
		CloseableHttpClient httpClient = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(bound).setSocketTimeout(bound).build())
				.build())
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.disableCookieManagement()
			.build();
		this.httpClients.add(httpClient);
		HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		requestFactory.setConnectionRequestTimeout(timeout);
		RestClient.Builder client = this.builder.clone().baseUrl(baseUrl).requestFactory(requestFactory);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(name, baseUrl, client));
		return new DownstreamClient(name, client.build());
	}

	@Override
	public void destroy() {
		this.httpClients.forEach((client) -> client.close(CloseMode.GRACEFUL));
	}

}
