package dev.perfwatch.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client library would send, written to the socket as they are. The JSON errors and
 * 4xx statuses every service gives such requests are tested where they are made, in
 * observability's {@code web} package; here, a trace header that makes its extractor throw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadRequestsTests {

	private final int port;

	BadRequestsTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void cloudTraceContextPastTheUnsignedRangeIsServedUnderANewTrace() throws IOException {
		assertThat(exchange("GET /health HTTP/1.0",
				"x-cloud-trace-context: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/18446744073709551616;o=1"))
			.startsWith("HTTP/1.1 200")
			.contains("\"status\":\"healthy\"");
	}

	// HTTP/1.0, so the answer comes unchunked and the connection closes after it.
	private String exchange(String requestLine, String... headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5_000);
			StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
