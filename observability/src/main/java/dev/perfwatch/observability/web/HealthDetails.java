package dev.perfwatch.observability.web;

import java.util.Map;

/**
 * Extra fields a service adds to its {@code GET /health} answer.
 */
@FunctionalInterface
public interface HealthDetails {

	Map<String, Object> details();

}
