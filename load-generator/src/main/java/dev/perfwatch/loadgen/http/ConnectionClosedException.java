package dev.perfwatch.loadgen.http;

/** The server closed the connection before the response was complete. */
public class ConnectionClosedException extends Exception {

	public ConnectionClosedException() {
		super("connection closed before the response was complete", null, false, false);
	}

}
