package dev.perfwatch.gateway;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/data}: authenticate, then fetch data, inside the recipe's
 * {@code api_gateway_processing} span. Downstream failures become non-2xx answers.
 */
@RestController
class ApiDataController {

	private final AuthCheck authCheck;

	private final DataCall dataCall;

	private final ObservationRegistry registry;

	ApiDataController(AuthCheck authCheck, DataCall dataCall, ObservationRegistry registry) {
		this.authCheck = authCheck;
		this.dataCall = dataCall;
		this.registry = registry;
	}

	@GetMapping("/api/data")
	ApiDataResponse getData() {
		return Observation.createNotStarted("api_gateway_processing", this.registry)
			.lowCardinalityKeyValue("endpoint", "/api/data")
			.lowCardinalityKeyValue("method", "GET")
			.observe(() -> {
				double authDurationMs = this.authCheck.verify();
				DataCall.FetchedData data = this.dataCall.fetch();
				return new ApiDataResponse("api-gateway", data.body(), authDurationMs, data.durationMs());
			});
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> handleFailure(GatewayFailure failure) {
		return ResponseEntity.status(failure.status()).body(Map.of("error", failure.getMessage()));
	}

	record ApiDataResponse(String service, JsonNode data, double authDurationMs, double dataDurationMs) {

	}

}
