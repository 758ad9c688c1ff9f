package dev.perfwatch.profiles.recording;

/**
 * One finished span as a window recorded it ({@code perfwatch.Span}).
 *
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentId the parent span's id, {@code null} for a root
 * @param name the span's name
 * @param kind SERVER, CLIENT or LOCAL
 * @param service the service that recorded it
 * @param startMicros start, in microseconds since the epoch
 * @param durationMicros how long it took
 * @param onVirtualThread whether the span's scopes ran on a virtual thread, whose samples cannot be joined
 */
public record SpanInfo(String traceId, String spanId, String parentId, String name, String kind, String service,
		long startMicros, long durationMicros, boolean onVirtualThread) {

	public double durationMillis() {
		return this.durationMicros / 1000.0;
	}

	public boolean isServer() {
		return "SERVER".equals(this.kind);
	}

}
