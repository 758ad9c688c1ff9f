package dev.perfwatch.observability.http;

import java.nio.charset.StandardCharsets;

/**
 * What a downstream service answered: its status and raw body.
 */
public record DownstreamResponse(int status, byte[] body) {

	public boolean isSuccessful() {
		return this.status >= 200 && this.status < 300;
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
