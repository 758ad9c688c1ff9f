package dev.perfwatch.loadgen.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context for one request: a random 128-bit trace id and 64-bit span id with the
 * sampled flag set, so every request becomes its own trace that the trace UI can show. Kept as
 * numbers: the hex text is written straight into the request bytes, and a trace id string is
 * only made for the few requests a report names.
 */
public record TraceParent(long traceIdHigh, long traceIdLow, long spanId) {

	/** Length of {@code 00-<32 hex>-<16 hex>-01}. */
	public static final int HEADER_LENGTH = 55;

	private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	public static TraceParent random() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = random.nextLong();
		long low = random.nextLong();
		long span = random.nextLong();
		// All-zero ids are invalid in W3C trace context.
		return new TraceParent(high, (high == 0 && low == 0) ? 1 : low, (span == 0) ? 1 : span);
	}

	public String traceId() {
		byte[] chars = new byte[32];
		writeHex(this.traceIdHigh, chars, 0);
		writeHex(this.traceIdLow, chars, 16);
		return new String(chars, java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** The header value, version 00, sampled flag 01. */
	public String header() {
		byte[] chars = new byte[HEADER_LENGTH];
		writeHeader(chars, 0);
		return new String(chars, java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** Writes the header value into {@code target} at {@code offset}. */
	public void writeHeader(byte[] target, int offset) {
		target[offset] = '0';
		target[offset + 1] = '0';
		target[offset + 2] = '-';
		writeHex(this.traceIdHigh, target, offset + 3);
		writeHex(this.traceIdLow, target, offset + 19);
		target[offset + 35] = '-';
		writeHex(this.spanId, target, offset + 36);
		target[offset + 52] = '-';
		target[offset + 53] = '0';
		target[offset + 54] = '1';
	}

	private static void writeHex(long value, byte[] target, int offset) {
		for (int i = 15; i >= 0; i--) {
			target[offset + i] = HEX[(int) (value & 0xf)];
			value >>>= 4;
		}
	}

}
