package dev.perfwatch.observability.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Every error leaves a service as {@code {"error": ..., "status": ..., "path": ...}}. Spring's own
 * exceptions (unknown path 404, wrong method 405, other bad requests) keep their status and
 * headers, an unreadable body is a 400; anything unexpected is a logged 500 that does not leak internals.
 */
@RestControllerAdvice
public class JsonErrorHandler {

	private static final Log logger = LogFactory.getLog(JsonErrorHandler.class);

	@ExceptionHandler
	ResponseEntity<ErrorBody> handle(Exception ex, HttpServletRequest request) {
		if (ex instanceof AsyncRequestNotUsableException) {
			// The client went away while we wrote the answer: nobody to answer, nothing of ours broke.
			logger.debug("Client gone before its answer on " + request.getRequestURI(), ex);
			return null;
		}
		HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
		HttpHeaders headers = HttpHeaders.EMPTY;
		if (ex instanceof ErrorResponse error) {
			status = error.getStatusCode();
			headers = error.getHeaders();
		}
		else if (ex instanceof HttpMessageNotReadableException) {
			// A body that does not parse (or does not arrive) is the caller's mistake.
			status = HttpStatus.BAD_REQUEST;
		}
		else {
			logger.error("Unexpected error on " + request.getRequestURI(), ex);
		}
		// Always JSON, whatever the caller accepts: a 406 must still say what went wrong.
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorBody(reason(status), status.value(), request.getRequestURI()));
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
