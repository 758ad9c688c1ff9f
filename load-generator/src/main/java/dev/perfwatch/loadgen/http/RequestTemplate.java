package dev.perfwatch.loadgen.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The bytes of the GET request sent for every exchange, encoded once; each request copies them
 * and writes its own {@code traceparent} value in place. Encoding headers per request would
 * cost more CPU than everything else the generator does for a request.
 */
final class RequestTemplate {

	private static final String USER_AGENT = "perfwatch-load-generator";

	private final byte[] bytes;

	private final int traceparentOffset;

	RequestTemplate(URI target) {
		String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
		String pathAndQuery = (target.getRawQuery() != null) ? path + "?" + target.getRawQuery() : path;
		String host = (target.getPort() != -1) ? target.getHost() + ":" + target.getPort() : target.getHost();
		String head = "GET " + pathAndQuery + " HTTP/1.1\r\n" + "Host: " + host + "\r\n" + "User-Agent: " + USER_AGENT
				+ "\r\n" + "Accept: */*\r\n" + "traceparent: ";
		String tail = "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		this.traceparentOffset = headBytes.length;
		this.bytes = new byte[headBytes.length + TraceParent.HEADER_LENGTH + tail.length()];
		System.arraycopy(headBytes, 0, this.bytes, 0, headBytes.length);
		byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(tailBytes, 0, this.bytes, this.bytes.length - tailBytes.length, tailBytes.length);
	}

	ByteBuf request(ByteBufAllocator allocator, TraceParent trace) {
		byte[] request = this.bytes.clone();
		trace.writeHeader(request, this.traceparentOffset);
		return allocator.directBuffer(request.length).writeBytes(request);
	}

}
