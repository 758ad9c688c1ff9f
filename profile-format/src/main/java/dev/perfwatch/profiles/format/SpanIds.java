package dev.perfwatch.profiles.format;

import java.util.HexFormat;

/**
 * The hex form of the ids {@link SpanScopeEvent} and {@link SpanEvent} carry as numbers: what
 * Zipkin, Cloud Trace and the services' logs show (Brave's {@code traceIdString()} and
 * {@code spanIdString()}).
 */
public final class SpanIds {

	private static final HexFormat HEX = HexFormat.of();

	private SpanIds() {
	}

	/**
	 * @return 32 hex digits for a 128-bit trace id, 16 when its high half is 0, {@code null} for no id
	 */
	public static String traceId(long high, long low) {
		if (high == 0 && low == 0) {
			return null;
		}
		return (high != 0) ? HEX.toHexDigits(high) + HEX.toHexDigits(low) : HEX.toHexDigits(low);
	}

	/**
	 * @return 16 hex digits, {@code null} for 0 (no span, or no parent)
	 */
	public static String spanId(long id) {
		return (id != 0) ? HEX.toHexDigits(id) : null;
	}

}
