package dev.perfwatch.loadgen;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on a free port whose answers follow a script: request number {@code n}
 * (from 0) waits {@code delayMillis} and answers {@code status}. It remembers every
 * {@code traceparent} and the most requests it ever had in flight at once.
 */
public final class ScriptedServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	public ScriptedServer(IntFunction<Answer> script) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		this.server.createContext("/", (exchange) -> answer(exchange, script.apply(this.received.getAndIncrement())));
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	private void answer(HttpExchange exchange, Answer answer) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			this.traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
			if (answer.delayMillis() > 0) {
				Thread.sleep(answer.delayMillis());
			}
			byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	public int received() {
		return this.received.get();
	}

	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	public List<String> traceparents() {
		return this.traceparents;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** What the server does with one request. */
	public record Answer(long delayMillis, int status) {

		public static Answer ok(long delayMillis) {
			return new Answer(delayMillis, 200);
		}

	}

}
