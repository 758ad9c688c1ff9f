package dev.perfwatch.observability.gcp;

import java.io.IOException;

import com.google.auth.oauth2.IdTokenCredentials;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds {@code Authorization: Bearer <ID token>} to every call to one callee. The credentials
 * cache the token and fetch a new one shortly before it expires, so most calls cost nothing.
 */
class IdTokenInterceptor implements ClientHttpRequestInterceptor {

	private final IdTokenCredentials credentials;

	IdTokenInterceptor(IdTokenCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.credentials.refreshIfExpired();
		request.getHeaders().setBearerAuth(this.credentials.getIdToken().getTokenValue());
		return execution.execute(request, body);
	}

}
