package dev.perfwatch.gateway;

import org.springframework.http.HttpStatus;

/**
 * A downstream step failed; the gateway answers {@code status} with {@code {"error": message}}.
 */
class GatewayFailure extends RuntimeException {

	private final HttpStatus status;

	GatewayFailure(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
