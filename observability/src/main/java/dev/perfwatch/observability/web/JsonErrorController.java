package dev.perfwatch.observability.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code BasicErrorController}: the error page that servlet errors are forwarded
 * to answers in {@link JsonErrorHandler}'s shape, and is no endpoint of its own. Asked for
 * directly, Boot's answered {@code 500 {"status":999,"error":"None"}} to any client; here it is a
 * plain 404.
 */
@RestController
public class JsonErrorController implements ErrorController {

	private static final Log logger = LogFactory.getLog(JsonErrorController.class);

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<JsonErrorHandler.ErrorBody> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			return answer(HttpStatus.NOT_FOUND, request.getRequestURI());
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status.is5xxServerError() && failure instanceof Throwable ex) {
			logger.error("Unexpected error on " + path, ex);
		}
		return answer(status, (path instanceof String text) ? text : null);
	}

	private static ResponseEntity<JsonErrorHandler.ErrorBody> answer(HttpStatus status, String path) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new JsonErrorHandler.ErrorBody(status.getReasonPhrase(), status.value(), path));
	}

}
