package dev.perfwatch.observability.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error leaves a service as {@code {"error": ..., "status": ..., "path": ...}}: unknown paths
 * (404), wrong methods (405) and other bad requests keep Spring's status; anything unexpected is a
 * logged 500 that does not leak internals.
 */
@RestControllerAdvice
public class JsonErrorHandler {

	private static final Log logger = LogFactory.getLog(JsonErrorHandler.class);

	@ExceptionHandler
	ResponseEntity<ErrorBody> handleFrameworkError(ErrorResponse error, HttpServletRequest request) {
		HttpStatusCode status = error.getStatusCode();
		return ResponseEntity.status(status)
			.headers(error.getHeaders())
			.body(new ErrorBody(reason(status), status.value(), request.getRequestURI()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> handleUnexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected error on " + request.getRequestURI(), ex);
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		return ResponseEntity.status(status).body(new ErrorBody(reason(status), status.value(), request.getRequestURI()));
	}

	private static String reason(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	/**
	 * The JSON shape of every error answer.
	 */
	public record ErrorBody(String error, int status, String path) {

	}

}
