package dev.perfwatch.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Requests no client library would send, as raw bytes: odd methods and protocol versions, broken
 * or huge paths, garbage and oversized trace headers of the three formats, thousands of headers,
 * bad {@code Content-Length} and {@code Transfer-Encoding}, bodies on GET. The issue's own cases
 * come first, then random mixes of the parts; a seed makes a run reproducible.
 */
final class MalformedRequests {

	private static final String SPAN_ID_PAST_UINT64 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/18446744073709551616;o=1";

	private static final List<String> METHODS = List.of("GET", "POST", "PROPFIND", "CONNECT", "BREW", "get", "TRACE",
			"DELETE", "OPTIONS", "PATCH", "M-SEARCH", "A".repeat(300), "G\u0001T", "");

	private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.2",
			"HTTP/0.9", "HTTP/1", "FOO/1.1", "http/1.1", "");

	private static final List<String> TRACE_HEADERS = List.of("traceparent", "b3", "x-cloud-trace-context",
			"X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled");

	private final Random random;

	private final List<String> paths;

	MalformedRequests(long seed, List<String> servicePaths) {
		this.random = new Random(seed);
		List<String> all = new ArrayList<>(servicePaths);
		all.addAll(List.of("/error", "/%00", "/..%2f..", "/%", "/%zz", "/%ff%fe", "//", "/health?x=%", "*",
				"/" + "a".repeat(9_000), "/a/../../etc/passwd", "/health;jsessionid=x", "/\u00e9t\u00e9",
				"http://evil.example/health", "/actuator/../error", "/actuator/health/%2e%2e"));
		this.paths = List.copyOf(all);
	}

	/**
	 * The reported cases, then {@code count} generated ones.
	 */
	List<byte[]> generate(String host, int count) {
		List<byte[]> requests = new ArrayList<>(knownCases(host));
		while (requests.size() < count) {
			requests.add(generated(host));
		}
		return requests;
	}

	private List<byte[]> knownCases(String host) {
		List<byte[]> cases = new ArrayList<>();
		for (String path : this.paths.subList(0, 3)) {
			cases.add(request("GET", path, "HTTP/1.1", host, List.of("x-cloud-trace-context: " + SPAN_ID_PAST_UINT64), ""));
		}
		cases.add(request("GET", "/error", "HTTP/1.1", host, List.of(), ""));
		cases.add(request("POST", "/error", "HTTP/1.1", host, List.of(), ""));
		cases.add(request("PROPFIND", "/health", "HTTP/1.1", host, List.of(), ""));
		cases.add(request("CONNECT", "example.com:443", "HTTP/1.1", host, List.of(), ""));
		cases.add(request("A".repeat(300), "/health", "HTTP/1.1", host, List.of(), ""));
		cases.add(request("GET", "/health", "HTTP/2.0", host, List.of(), ""));
		cases.add(request("GET", "/health", "HTTP/9.9", host, List.of(), ""));
		cases.add(request("GET", "/health", "HTTP/1.1", host, List.of("Transfer-Encoding: gzip"), ""));
		cases.add(request("GET", "/health", "HTTP/1.1", host, manyHeaders(5_000), ""));
		return cases;
	}

	private byte[] generated(String host) {
		String method = pick(METHODS, "GET", 0.5);
		String path = pick(this.paths, this.paths.get(0), 0.3);
		String version = pick(VERSIONS, "HTTP/1.1", 0.6);
		List<String> headers = new ArrayList<>();
		int traceHeaders = this.random.nextInt(3);
		for (int i = 0; i < traceHeaders; i++) {
			headers.add(TRACE_HEADERS.get(this.random.nextInt(TRACE_HEADERS.size())) + ": " + garbageTraceValue());
		}
		String body = "";
		switch (this.random.nextInt(9)) {
			case 0 -> headers.add("Content-Length: " + List.of("abc", "-1", "1.5", "99999999999999999999", "1, 2")
				.get(this.random.nextInt(5)));
			case 1 -> {
				headers.add("Transfer-Encoding: " + List.of("gzip", "chunked, gzip", "identity", "x").get(this.random.nextInt(4)));
				body = "5\r\nhello\r\n0\r\n\r\n";
			}
			case 2 -> {
				headers.add("Transfer-Encoding: chunked");
				headers.add("Content-Length: 3");
				body = List.of("zz\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\n\r\n").get(this.random.nextInt(2));
			}
			case 3 -> {
				body = "{\"a\":" + "[".repeat(this.random.nextInt(2_000)) + "}";
				headers.add("Content-Type: application/json");
				headers.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
			}
			case 4 -> headers.addAll(manyHeaders(100 + this.random.nextInt(3_000)));
			case 5 -> headers.add(List.of("NoColonHere", ": no name", "X-Bad\u0000: nul", "X-Long: " + "v".repeat(20_000),
					"Host: second.example", "Accept: */*;q=abc", "Expect: 100-continue", "Content-Type: ;;;")
				.get(this.random.nextInt(8)));
			default -> {
			}
		}
		return request(method, path, version, host, headers, body);
	}

	private String garbageTraceValue() {
		return switch (this.random.nextInt(10)) {
			case 0 -> SPAN_ID_PAST_UINT64;
			case 1 -> "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/" + "9".repeat(1 + this.random.nextInt(40)) + ";o=" + this.random.nextInt();
			case 2 -> "00-" + hex(32) + "-" + hex(16) + "-" + hex(2 + this.random.nextInt(3));
			case 3 -> "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01";
			case 4 -> hex(32) + "-" + hex(16) + "-" + this.random.nextInt(5) + "-" + hex(16) + "-extra";
			case 5 -> "x".repeat(1 + this.random.nextInt(7_000));
			case 6 -> "/;o=";
			case 7 -> "-".repeat(this.random.nextInt(60));
			case 8 -> hex(this.random.nextInt(80));
			default -> "\u00ff\u00fe" + hex(8);
		};
	}

	private String hex(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append("0123456789abcdefXYZ".charAt(this.random.nextInt(19)));
		}
		return text.toString();
	}

	private <T> T pick(List<T> choices, T usual, double usualShare) {
		return (this.random.nextDouble() < usualShare) ? usual : choices.get(this.random.nextInt(choices.size()));
	}

	private static List<String> manyHeaders(int count) {
		List<String> headers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			headers.add("X-Filler-" + i + ": " + i);
		}
		return headers;
	}

	// Latin-1, so that the odd byte above 0x7f goes out as one byte, as a careless client sends it.
	private static byte[] request(String method, String target, String version, String host, List<String> headers,
			String body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder(method).append(' ').append(target);
		if (!version.isEmpty()) {
			head.append(' ').append(version);
		}
		head.append("\r\nHost: ").append(host).append("\r\nConnection: close\r\n");
		headers.forEach((header) -> head.append(header).append("\r\n"));
		head.append("\r\n").append(body);
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

}
