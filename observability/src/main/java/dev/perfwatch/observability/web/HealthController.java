package dev.perfwatch.observability.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recipe's {@code GET /health}: {@code {"status":"healthy","service":...}} plus whatever the
 * service's {@link HealthDetails} add. Probes for orchestrators live under
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness}.
 */
@RestController
public class HealthController {

	private final ServiceProperties service;

	private final ObjectProvider<HealthDetails> details;

	HealthController(ServiceProperties service, ObjectProvider<HealthDetails> details) {
		this.service = service;
		this.details = details;
	}

	@GetMapping("/health")
	Map<String, Object> health() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "healthy");
		body.put("service", this.service.name());
		this.details.orderedStream().forEach((contributor) -> body.putAll(contributor.details()));
		return body;
	}

}
