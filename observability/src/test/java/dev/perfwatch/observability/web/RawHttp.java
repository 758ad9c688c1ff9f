package dev.perfwatch.observability.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Writes a request to the socket as it is, including requests no client library would send, and
 * reads the whole answer: status line, headers and body. With an HTTP/1.0 request line the answer
 * comes unchunked and the connection closes after it.
 */
final class RawHttp {

	private RawHttp() {
	}

	static String exchange(int port, String requestLine, String... headers) throws IOException {
		return send(port, requestLine, headers, "");
	}

	static String postJson(int port, String path, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(port, "POST " + path + " HTTP/1.0",
				new String[] { "Content-Type: application/json", "Content-Length: " + bytes.length }, body);
	}

	private static String send(int port, String requestLine, String[] headers, String body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5_000);
			StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			request.append("\r\n").append(body);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
