package dev.perfwatch.observability.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A downstream service for tests, on a free port of 127.0.0.1, whose answer (status, JSON body,
 * delay) each test sets.
 */
public final class FakeHttpService implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicReference<Reply> reply = new AtomicReference<>(new Reply(200, "{}", Duration.ZERO));

	private final AtomicReference<Headers> lastHeaders = new AtomicReference<>();

	private final AtomicInteger requests = new AtomicInteger();

	public FakeHttpService() {
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

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answer(int status, String body, Duration delay) {
		this.reply.set(new Reply(status, body, delay));
	}

	/**
	 * @return a header of the latest request, or {@code null}
	 */
	public String lastHeader(String name) {
		Headers headers = this.lastHeaders.get();
		return (headers != null) ? headers.getFirst(name) : null;
	}

	/**
	 * @return how many requests arrived so far
	 */
	public int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		this.lastHeaders.set(exchange.getRequestHeaders());
		Reply current = this.reply.get();
		try {
			Thread.sleep(current.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(current.status(), body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private record Reply(int status, String body, Duration delay) {

	}

}
