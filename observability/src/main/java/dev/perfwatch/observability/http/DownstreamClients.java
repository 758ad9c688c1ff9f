package dev.perfwatch.observability.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

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

	private final DownstreamProperties properties;

	private final List<CloseableHttpClient> httpClients = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "downstream-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	DownstreamClients(RestClient.Builder builder, ObjectProvider<DownstreamClientCustomizer> customizers,
			DownstreamProperties properties) {
		this.builder = builder;
		this.customizers = customizers;
		this.properties = properties;
	}

	/**
	 * A client for one downstream service.
	 * @param name how errors and logs name the callee, e.g. {@code auth-service}
	 * @param baseUrl the callee's root URL
	 * @param timeout bound on the whole call: waiting for a pooled connection, connecting and the
	 * answer ({@link DownstreamClient} shortens it to what the caller being served has left)
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
			.setRetryStrategy(new DeadlineRetryStrategy())
			.addExecInterceptorFirst("deadline", new DeadlineExecHandler(this.canceller))
			.build();
		this.httpClients.add(httpClient);
		HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(httpClient);
		RestClient.Builder client = this.builder.clone().baseUrl(baseUrl).requestFactory(requestFactory);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(name, baseUrl, client));
		return new DownstreamClient(name, client.build(), timeout,
				CircuitBreaker.of(name, this.properties.circuitBreaker().toConfig()));
	}

	@Override
	public void destroy() {
		this.httpClients.forEach((client) -> client.close(CloseMode.GRACEFUL));
		this.canceller.shutdownNow();
	}

}
