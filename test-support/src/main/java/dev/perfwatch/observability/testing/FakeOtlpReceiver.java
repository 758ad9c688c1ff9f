package dev.perfwatch.observability.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP backend for tests on a free port of 127.0.0.1: {@code /v1/traces} and
 * {@code /v1/metrics} decode protobuf bodies with the official opentelemetry-proto classes, and
 * {@code /ingest} keeps Pyroscope pushes as they came. It answers 200, or whatever status a test
 * sets, after recording.
 */
public final class FakeOtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final AtomicInteger status = new AtomicInteger(200);

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final List<Metric> metrics = new CopyOnWriteArrayList<>();

	private final List<Map<String, String>> metricResources = new CopyOnWriteArrayList<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public FakeOtlpReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * The base URL, what {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes.
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Status of every later answer, for example 503 for a backend that rejects everything.
	 */
	public void answer(int status) {
		this.status.set(status);
	}

	public List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	public List<ReceivedSpan> spans(String traceIdHex) {
		ByteString traceId = ByteString.fromHex(traceIdHex);
		return this.spans.stream().filter((span) -> span.span().getTraceId().equals(traceId)).toList();
	}

	public List<Metric> metrics() {
		return List.copyOf(this.metrics);
	}

	public List<Map<String, String>> metricResources() {
		return List.copyOf(this.metricResources);
	}

	/**
	 * Every request, whatever its path, with the status it was answered.
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int answer = this.status.get();
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
				headers(exchange.getRequestHeaders()), body, answer));
		byte[] reply = new byte[0];
		if (answer == 200 && path.equals("/v1/traces")) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			request.getResourceSpansList().forEach((resourceSpans) -> {
				Map<String, String> resource = attributes(resourceSpans.getResource().getAttributesList());
				resourceSpans.getScopeSpansList()
					.forEach((scope) -> scope.getSpansList().forEach((span) -> this.spans.add(new ReceivedSpan(resource, span))));
			});
			reply = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
		}
		else if (answer == 200 && path.equals("/v1/metrics")) {
			ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
			request.getResourceMetricsList().forEach((resourceMetrics) -> {
				this.metricResources.add(attributes(resourceMetrics.getResource().getAttributesList()));
				resourceMetrics.getScopeMetricsList().forEach((scope) -> this.metrics.addAll(scope.getMetricsList()));
			});
		}
		exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(answer, (reply.length > 0) ? reply.length : -1);
		if (reply.length > 0) {
			exchange.getResponseBody().write(reply);
		}
		exchange.close();
	}

	private static Map<String, String> headers(Headers headers) {
		Map<String, String> flat = new LinkedHashMap<>();
		headers.forEach((name, values) -> flat.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return flat;
	}

	public static Map<String, String> attributes(List<KeyValue> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			values.put(attribute.getKey(), switch (attribute.getValue().getValueCase()) {
				case STRING_VALUE -> attribute.getValue().getStringValue();
				case INT_VALUE -> String.valueOf(attribute.getValue().getIntValue());
				case BOOL_VALUE -> String.valueOf(attribute.getValue().getBoolValue());
				case DOUBLE_VALUE -> String.valueOf(attribute.getValue().getDoubleValue());
				default -> attribute.getValue().toString();
			});
		}
		return values;
	}

	/**
	 * One span with the attributes of the resource it came under.
	 */
	public record ReceivedSpan(Map<String, String> resource, Span span) {

		public String service() {
			return this.resource.get("service.name");
		}

		public String id() {
			return hex(this.span.getSpanId());
		}

		public String parentId() {
			return hex(this.span.getParentSpanId());
		}

		public String name() {
			return this.span.getName();
		}

		public Map<String, String> attributes() {
			return FakeOtlpReceiver.attributes(this.span.getAttributesList());
		}

		private static String hex(ByteString bytes) {
			StringBuilder hex = new StringBuilder();
			for (byte b : bytes.toByteArray()) {
				hex.append(String.format("%02x", b));
			}
			return hex.toString();
		}

	}

	/**
	 * A request as it arrived (header names in lower case) and the status it got.
	 */
	public record Request(String method, URI uri, Map<String, String> headers, byte[] body, int status) {

		public String path() {
			return this.uri.getPath();
		}

		/**
		 * The content of one field of a {@code multipart/form-data} body.
		 */
		public byte[] formPart(String name) {
			String contentType = this.headers.getOrDefault("content-type", "");
			int at = contentType.indexOf("boundary=");
			if (at < 0) {
				throw new AssertionError("not multipart: " + contentType);
			}
			byte[] delimiter = ("--" + contentType.substring(at + "boundary=".length())).getBytes(StandardCharsets.US_ASCII);
			String field = "name=\"" + name + "\"";
			int start = indexOf(this.body, delimiter, 0);
			while (start >= 0) {
				int headersEnd = indexOf(this.body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
				int next = indexOf(this.body, delimiter, headersEnd);
				String partHeaders = new String(this.body, start, headersEnd - start, StandardCharsets.US_ASCII);
				if (partHeaders.contains(field)) {
					return Arrays.copyOfRange(this.body, headersEnd + 4, next - 2);
				}
				start = next;
			}
			throw new AssertionError("no form field " + name);
		}

		private static int indexOf(byte[] data, byte[] pattern, int from) {
			outer: for (int i = from; i <= data.length - pattern.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

		/**
		 * The query parameters, decoded.
		 */
		public Map<String, String> query() {
			Map<String, String> query = new LinkedHashMap<>();
			String raw = this.uri.getRawQuery();
			if (raw != null) {
				for (String pair : raw.split("&")) {
					int equals = pair.indexOf('=');
					query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return query;
		}

	}

}
