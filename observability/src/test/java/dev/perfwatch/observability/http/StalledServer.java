package dev.perfwatch.observability.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A callee that misbehaves the way a frozen or choking process does: it accepts connections, and
 * then either never answers or trickles its answer a byte at a time, so that no single read ever
 * waits long enough for a socket timeout.
 */
final class StalledServer implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private StalledServer(Duration byteEvery) {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.executor.submit(() -> accept(byteEvery));
	}

	/**
	 * Reads requests and never answers.
	 */
	static StalledServer silent() {
		return new StalledServer(null);
	}

	/**
	 * Answers 200 with a 10,000-byte body, one byte every {@code byteEvery}.
	 */
	static StalledServer trickling(Duration byteEvery) {
		return new StalledServer(byteEvery);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private void accept(Duration byteEvery) {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				if (byteEvery != null) {
					this.executor.submit(() -> trickle(socket, byteEvery));
				}
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void trickle(Socket socket, Duration byteEvery) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < 10_000; i++) {
				out.write('x');
				out.flush();
				Thread.sleep(byteEvery.toMillis());
			}
		}
		catch (IOException ex) {
			// the client hung up, as it should
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.connections) {
			socket.close();
		}
		this.executor.shutdownNow();
	}

}
