package dev.perfwatch.gateway;

import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.http.DownstreamResponse;
import dev.perfwatch.observability.http.DownstreamUnavailableException;
import dev.perfwatch.observability.time.Elapsed;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The recipe's {@code authentication_check} span around {@code GET /auth/verify}. A non-2xx answer
 * means the caller is not authenticated (401); no answer means auth is down (503). Either way the
 * span is marked as an error.
 */
@Component
class AuthCheck {

	private final DownstreamClient auth;

	private final ObservationRegistry registry;

	AuthCheck(DownstreamClients clients, GatewayProperties properties, ObservationRegistry registry) {
		this.auth = clients.create("auth-service", properties.authServiceUrl(), properties.authTimeout());
		this.registry = registry;
	}

	/**
	 * Verifies the caller.
	 * @return how long verification took, in milliseconds
	 * @throws GatewayFailure when authentication fails or auth-service does not answer
	 */
	double verify() {
		Observation span = Observation.createNotStarted("authentication_check", this.registry);
		return span.observe(() -> {
			long start = System.nanoTime();
			DownstreamResponse response;
			try {
				response = this.auth.get("/auth/verify");
			}
			catch (DownstreamUnavailableException ex) {
				span.lowCardinalityKeyValue("auth_result", "error");
				span.highCardinalityKeyValue("auth_error", ex.getMessage());
				span.highCardinalityKeyValue("auth_duration_ms", String.valueOf(Elapsed.millisSince(start)));
				throw new GatewayFailure(HttpStatus.SERVICE_UNAVAILABLE,
						"Authentication service unavailable: " + ex.getMessage());
			}
			double durationMs = Elapsed.millisSince(start);
			span.highCardinalityKeyValue("auth_duration_ms", String.valueOf(durationMs));
			span.lowCardinalityKeyValue("auth_result", response.isSuccessful() ? "success" : "failed");
			if (!response.isSuccessful()) {
				throw new GatewayFailure(HttpStatus.UNAUTHORIZED, "Authentication failed");
			}
			return durationMs;
		});
	}

}
