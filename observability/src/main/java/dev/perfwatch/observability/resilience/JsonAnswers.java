package dev.perfwatch.observability.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.http.HttpStatus;

/**
 * Error answers written by filters, before Spring MVC, in the shape of every other error answer
 * ({@link dev.perfwatch.observability.web.JsonErrorHandler.ErrorBody}).
 */
final class JsonAnswers {

	private JsonAnswers() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String path) throws IOException {
		String body = "{\"error\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"path\":"
				+ ((path != null) ? "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(path)) + "\"" : "null")
				+ "}";
		response.setStatus(status.value());
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

}
