package dev.perfwatch.gateway;

import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.http.DownstreamResponse;
import dev.perfwatch.observability.http.DownstreamUnavailableException;
import dev.perfwatch.observability.time.Elapsed;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The recipe's {@code data_service_call} span around {@code GET /data/fetch}. A non-2xx or
 * unreadable answer, or none at all, is a 502; an answer slower than the deadline is a 504; no call
 * while data-service is known to be down (its circuit breaker is open) a 503.
 */
@Component
class DataCall {

	private final DownstreamClient data;

	private final ObservationRegistry registry;

	private final JsonMapper jsonMapper;

	DataCall(DownstreamClients clients, GatewayProperties properties, ObservationRegistry registry,
			JsonMapper jsonMapper) {
		this.data = clients.create("data-service", properties.dataServiceUrl(), properties.dataTimeout());
		this.registry = registry;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Fetches the data service's answer.
	 * @throws GatewayFailure when data-service fails or does not answer in time
	 */
	FetchedData fetch() {
		Observation span = Observation.createNotStarted("data_service_call", this.registry);
		return span.observe(() -> {
			long start = System.nanoTime();
			try {
				DownstreamResponse response = this.data.get("/data/fetch");
				if (!response.isSuccessful()) {
					throw failure(span, HttpStatus.BAD_GATEWAY, "data-service answered HTTP " + response.status());
				}
				JsonNode body = this.jsonMapper.readTree(response.body());
				span.highCardinalityKeyValue("data_size_bytes", String.valueOf(response.body().length));
				return new FetchedData(body, Elapsed.millisSince(start));
			}
			catch (DownstreamUnavailableException ex) {
				throw failure(span, ex.isTimeout() ? HttpStatus.GATEWAY_TIMEOUT
						: ex.isRejected() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, ex.getMessage());
			}
			catch (JacksonException ex) {
				throw failure(span, HttpStatus.BAD_GATEWAY, "data-service answered with invalid JSON");
			}
			finally {
				span.highCardinalityKeyValue("data_duration_ms", String.valueOf(Elapsed.millisSince(start)));
			}
		});
	}

	private static GatewayFailure failure(Observation span, HttpStatus status, String message) {
		span.highCardinalityKeyValue("data_error", message);
		return new GatewayFailure(status, message);
	}

	record FetchedData(JsonNode body, double durationMs) {

	}

}
