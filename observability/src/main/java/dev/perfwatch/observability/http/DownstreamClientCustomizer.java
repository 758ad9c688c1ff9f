package dev.perfwatch.observability.http;

import org.springframework.web.client.RestClient;

/**
 * Adjusts the client for one downstream service before it is built, e.g. to authenticate calls
 * to that callee. Beans of this type apply to every {@link DownstreamClient}.
 */
@FunctionalInterface
public interface DownstreamClientCustomizer {

	/**
	 * @param name how errors and logs name the callee
	 * @param baseUrl the callee's root URL
	 * @param builder the client's builder, already carrying tracing, base URL and timeouts
	 */
	void customize(String name, String baseUrl, RestClient.Builder builder);

}
