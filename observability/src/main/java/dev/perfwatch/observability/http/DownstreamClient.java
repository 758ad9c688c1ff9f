package dev.perfwatch.observability.http;

import java.net.SocketTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls one downstream service. Any HTTP status comes back as a {@link DownstreamResponse} for
 * the caller to judge; only "no answer at all" is an exception.
 */
public class DownstreamClient {

	private final String name;

	private final RestClient restClient;

	DownstreamClient(String name, RestClient restClient) {
		this.name = name;
		this.restClient = restClient;
	}

	/**
	 * GET a path of the downstream service.
	 * @throws DownstreamUnavailableException when it cannot be reached or does not answer in time
	 */
	public DownstreamResponse get(String path) {
		try {
			return this.restClient.get()
				.uri(path)
				.exchange((request, response) -> new DownstreamResponse(response.getStatusCode().value(),
						response.getBody().readAllBytes()));
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailableException(this.name, failureOf(ex), ex);
		}
	}

	private static DownstreamUnavailableException.Failure failureOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// A connect timeout is a SocketTimeoutException too, so it is told apart first.
			if (cause instanceof ConnectTimeoutException) {
				return DownstreamUnavailableException.Failure.UNREACHABLE;
			}
			if (cause instanceof SocketTimeoutException) {
				return DownstreamUnavailableException.Failure.TIMEOUT;
			}
		}
		return DownstreamUnavailableException.Failure.UNREACHABLE;
	}

}
