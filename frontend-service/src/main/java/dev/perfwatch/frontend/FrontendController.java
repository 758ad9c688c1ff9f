package dev.perfwatch.frontend;

import dev.perfwatch.observability.http.DownstreamClient;
import dev.perfwatch.observability.http.DownstreamClients;
import dev.perfwatch.observability.http.DownstreamResponse;
import dev.perfwatch.observability.http.DownstreamUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the CPU loop, then the gateway's {@code /api/data}. A gateway that fails turns
 * into a 502 (bad or no answer), 504 (it, or a service behind it, too slow) or 503 (not called
 * while it is known to be down), with the error in {@code api_response}, so error-rate alerts see it.
 */
@RestController
class FrontendController {

	private final RandomComputation computation;

	private final DownstreamClient gateway;

	private final JsonMapper jsonMapper;

	FrontendController(RandomComputation computation, DownstreamClients clients, FrontendProperties properties,
			JsonMapper jsonMapper) {
		this.computation = computation;
		this.gateway = clients.create("api-gateway-service", properties.apiServiceUrl(), properties.apiTimeout());
		this.jsonMapper = jsonMapper;
	}

	@GetMapping("/")
	ResponseEntity<FrontendResponse> home() {
		long start = System.nanoTime();
		double result = this.computation.compute();
		HttpStatus status = HttpStatus.OK;
		JsonNode apiResponse;
		try {
			DownstreamResponse response = this.gateway.get("/api/data");
			apiResponse = readObject(response.body());
			if (apiResponse == null) {
				status = HttpStatus.BAD_GATEWAY;
				apiResponse = error("api-gateway-service answered HTTP " + response.status() + " without a JSON object");
			}
			else if (!response.isSuccessful()) {
				// A timeout further down stays a timeout; any other failure is a bad gateway.
				status = (response.status() == HttpStatus.GATEWAY_TIMEOUT.value()) ? HttpStatus.GATEWAY_TIMEOUT
						: HttpStatus.BAD_GATEWAY;
			}
		}
		catch (DownstreamUnavailableException ex) {
			status = ex.isTimeout() ? HttpStatus.GATEWAY_TIMEOUT
					: ex.isRejected() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
			apiResponse = error(ex.getMessage());
		}
		double elapsedMs = (System.nanoTime() - start) / 1_000_000.0;
		return ResponseEntity.status(status).body(new FrontendResponse("frontend", elapsedMs, result, apiResponse));
	}

	private JsonNode readObject(byte[] body) {
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private JsonNode error(String message) {
		return this.jsonMapper.createObjectNode().put("error", message);
	}

	record FrontendResponse(String service, double processingTimeMs, double computationResult, JsonNode apiResponse) {

	}

}
