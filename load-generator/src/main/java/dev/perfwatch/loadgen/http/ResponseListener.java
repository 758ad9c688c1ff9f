package dev.perfwatch.loadgen.http;

/**
 * Told once how a request ended: with an HTTP status, or with the exception that stopped it.
 * Called on a network thread, so implementations must be quick and thread-safe.
 */
public interface ResponseListener {

	void onResponse(int status);

	void onFailure(Throwable cause);

}
