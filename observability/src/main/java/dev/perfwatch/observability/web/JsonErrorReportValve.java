package dev.perfwatch.observability.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, in the shape of {@link JsonErrorHandler}'s answers. Tomcat answers some
 * bad requests itself, before Spring sees them (a malformed URI such as {@code /%}), and would
 * otherwise send an HTML page. None of them is a 5xx ({@link ClientMistakeAdapter}).
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		// Tomcat's connector turns CONNECT down with a 501 after ClientMistakeAdapter has seen the request.
		status = ClientMistakeAdapter.clientMistake(status, request.getMethod());
		if (status != response.getStatus()) {
			response.setStatus(status);
			ClientMistakeAdapter.allowHeaderFor(status).ifPresent((allow) -> response.setHeader("Allow", allow));
		}
		HttpStatus known = HttpStatus.resolve(status);
		String error = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
		String path = request.getDecodedRequestURI();
		String body = "{\"error\":\"" + quote(error) + "\",\"status\":" + status + ",\"path\":"
				+ ((path != null) ? "\"" + quote(path) + "\"" : "null") + "}";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile: nothing left to tell it.
		}
	}

	private static String quote(String text) {
		return new String(JsonStringEncoder.getInstance().quoteAsCharArray(text));
	}

}
