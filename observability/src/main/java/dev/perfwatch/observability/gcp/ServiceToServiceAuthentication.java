package dev.perfwatch.observability.gcp;

import java.util.List;

import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import dev.perfwatch.observability.http.DownstreamClientCustomizer;

import org.springframework.web.client.RestClient;

/**
 * Makes every downstream call present a Google-signed ID token whose audience is the callee's
 * URL: what a Cloud Run service deployed with {@code --no-allow-unauthenticated} demands from a
 * caller holding {@code roles/run.invoker} on it.
 */
class ServiceToServiceAuthentication implements DownstreamClientCustomizer {

	private final IdTokenProvider tokenProvider;

	ServiceToServiceAuthentication(IdTokenProvider tokenProvider) {
		this.tokenProvider = tokenProvider;
	}

	@Override
	public void customize(String name, String baseUrl, RestClient.Builder builder) {
		IdTokenCredentials credentials = IdTokenCredentials.newBuilder()
			.setIdTokenProvider(this.tokenProvider)
			.setTargetAudience(audienceOf(baseUrl))
			.setOptions(List.of(IdTokenProvider.Option.FORMAT_FULL))
			.build();
		builder.requestInterceptor(new IdTokenInterceptor(credentials));
	}

	/**
	 * Cloud Run accepts its service URL as audience; a trailing slash would make it a different string.
	 */
	static String audienceOf(String baseUrl) {
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
