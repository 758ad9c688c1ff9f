package dev.perfwatch.observability.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answered as {@code {"error", "status", "path"}} JSON over real HTTP, whether Spring,
 * the error page or Tomcat itself answers, and client mistakes kept 4xx. Requests no client library
 * would send are written to the socket as they are.
 */
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "perfwatch.service.name=example", "management.tracing.sampling.probability=0" })
// Closed after the class: an application context left open keeps its logging set up, and later
// tests in this JVM that start their own application (LocalLogLinesTests) would log in its format.
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class JsonErrorsTests {

	private final int port;

	JsonErrorsTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void unknownPathGets404Json() throws IOException {
		assertThat(exchange("GET /no-such-page HTTP/1.0")).startsWith("HTTP/1.1 404")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Not Found\",\"status\":404,\"path\":\"/no-such-page\"}");
	}

	@Test
	void wrongMethodGets405JsonNamingTheAllowedOnes() throws IOException {
		assertThat(exchange("POST /health HTTP/1.0")).startsWith("HTTP/1.1 405")
			.contains("Allow: GET")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Method Not Allowed\",\"status\":405,\"path\":\"/health\"}");
	}

	@Test
	void unknownMethodsGet405Json() throws IOException {
		for (String method : new String[] { "PROPFIND", "BREW" }) {
			assertThat(exchange(method + " /health HTTP/1.0")).as(method)
				.startsWith("HTTP/1.1 405")
				.contains("Content-Type: application/json")
				.endsWith("{\"error\":\"Method Not Allowed\",\"status\":405,\"path\":\"/health\"}");
		}
	}

	@Test
	void methodsTomcatRefusesGet405JsonNot501() throws IOException {
		assertThat(exchange("CONNECT example.com:443 HTTP/1.0")).startsWith("HTTP/1.1 405")
			.contains("Allow: GET")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Method Not Allowed\",\"status\":405,\"path\":null}");
		assertThat(exchange("A".repeat(300) + " /health HTTP/1.0")).startsWith("HTTP/1.1 405");
	}

	@Test
	void traceIsRefusedInTheSameJsonShape() throws IOException {
		assertThat(exchange("TRACE /health HTTP/1.0")).startsWith("HTTP/1.1 405")
			.endsWith("{\"error\":\"Method Not Allowed\",\"status\":405,\"path\":\"/health\"}");
	}

	@Test
	void unknownProtocolVersionsGet400JsonNot505() throws IOException {
		for (String version : new String[] { "HTTP/2.0", "HTTP/9.9", "HTTP/1.2" }) {
			assertThat(exchange("GET /health " + version)).as(version)
				.startsWith("HTTP/1.1 400")
				.contains("Content-Type: application/json")
				.endsWith("{\"error\":\"Bad Request\",\"status\":400,\"path\":null}");
		}
	}

	@Test
	void unknownTransferCodingGets400Not501() throws IOException {
		assertThat(exchange("POST /health HTTP/1.1", "Transfer-Encoding: gzip", "Connection: close"))
			.startsWith("HTTP/1.1 400");
	}

	@Test
	void malformedPathGets400JsonFromTomcat() throws IOException {
		assertThat(exchange("GET /% HTTP/1.0")).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Bad Request\",\"status\":400,\"path\":null}");
	}

	@Test
	void unreadableBodyGets400Json() throws IOException {
		assertThat(RawHttp.postJson(this.port, "/echo", "{\"unclosed\":")).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Bad Request\",\"status\":400,\"path\":\"/echo\"}");
	}

	@Test
	void errorPageIsNoEndpoint() throws IOException {
		assertThat(exchange("GET /error HTTP/1.0")).startsWith("HTTP/1.1 404")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Not Found\",\"status\":404,\"path\":\"/error\"}");
		assertThat(exchange("POST /error HTTP/1.0")).startsWith("HTTP/1.1 404");
	}

	@Test
	void anErrorStatusSentThroughTheServletApiGetsTheSameJson() throws IOException {
		assertThat(exchange("GET /conflict HTTP/1.0")).startsWith("HTTP/1.1 409")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Conflict\",\"status\":409,\"path\":\"/conflict\"}");
	}

	@Test
	void unexpectedExceptionGets500JsonThatLeaksNothingAndIsLogged(CapturedOutput output) throws IOException {
		String answer = exchange("GET /fail HTTP/1.0");
		assertThat(answer).startsWith("HTTP/1.1 500")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"Internal Server Error\",\"status\":500,\"path\":\"/fail\"}")
			.doesNotContain(WebTestApp.SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("\tat ");
		assertThat(output.getOut()).contains("Unexpected error on /fail")
			.contains("java.lang.IllegalStateException: " + WebTestApp.SECRET);
	}

	private String exchange(String requestLine, String... headers) throws IOException {
		return RawHttp.exchange(this.port, requestLine, headers);
	}

}
