package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reverse proxy on 127.0.0.1 that treats trace headers the way Cloud Run's front end does:
 * the parent id of {@code traceparent} becomes a span of its own (which no backend records here,
 * as most of Cloud Run's are never recorded), the trace is marked sampled, and an
 * {@code x-cloud-trace-context} naming that span is added. Other headers, {@code b3} included,
 * pass through. Evidence: elastic/apm issue 609 shows a traceparent before and after the hop.
 */
final class CloudRunFrontEnd implements AutoCloseable {

	/** Hop-by-hop headers, and those the JDK client sets itself. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
			"keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "traceparent", "x-cloud-trace-context");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI target;

	private final HttpServer server;

	private final AtomicInteger rewritten = new AtomicInteger();

	CloudRunFrontEnd(URI target) {
		this.target = target;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::forward);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** How many traceparent headers got a new parent id. */
	int rewritten() {
		return this.rewritten.get();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI()))
				.timeout(Duration.ofSeconds(10))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(readAll(exchange)));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
			if (traceparent != null && traceparent.split("-").length == 4) {
				String traceId = traceparent.split("-")[1];
				long edgeSpan = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
				request.header("traceparent", "00-" + traceId + "-" + String.format("%016x", edgeSpan) + "-01");
				request.header("x-cloud-trace-context", traceId + "/" + Long.toUnsignedString(edgeSpan) + ";o=1");
				this.rewritten.incrementAndGet();
			}
			HttpResponse<byte[]> response;
			try {
				response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			catch (IOException ex) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			response.headers().map().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, List.copyOf(values));
				}
			});
			byte[] body = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static byte[] readAll(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return in.readAllBytes();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	@Override
	public String toString() {
		return "CloudRunFrontEnd -> " + this.target + " " + Map.of("rewritten", rewritten());
	}

}
