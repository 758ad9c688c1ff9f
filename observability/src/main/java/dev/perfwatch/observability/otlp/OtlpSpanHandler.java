package dev.perfwatch.observability.otlp;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * Hands finished spans to an OTLP reporter: a bounded queue drained by the reporter's own
 * thread, so a slow, down or rejecting backend costs requests nothing. It wraps the
 * {@link AsyncZipkinSpanHandler} rather than being one, because Boot's Zipkin export backs off
 * when a bean of that type exists, and OTLP is meant to run beside Zipkin as well as instead of it.
 */
final class OtlpSpanHandler extends SpanHandler implements AutoCloseable {

	private final AsyncZipkinSpanHandler reporter;

	private final String name;

	OtlpSpanHandler(AsyncZipkinSpanHandler reporter, String name) {
		this.reporter = reporter;
		this.name = name;
	}

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		return this.reporter.end(context, span, cause);
	}

	/**
	 * Sends what is queued, within the reporter's close timeout, then stops.
	 */
	@Override
	public void close() {
		this.reporter.close();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
