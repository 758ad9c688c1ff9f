package dev.perfwatch.loadgen.http;

/**
 * Sends GET requests to one target without blocking the caller. The caller bounds how many
 * requests are in flight; the transport keeps at most that many connections open.
 */
public interface HttpTransport extends AutoCloseable {

	/**
	 * Starts one request carrying the given W3C trace context in a {@code traceparent} header.
	 */
	void send(TraceParent trace, ResponseListener listener);

	@Override
	void close();

}
