package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.auth.oauth2.IdToken;
import com.google.auth.oauth2.IdTokenProvider;

/**
 * Stands in for the metadata server: issues unsigned JWTs that live {@code lifetime}, and keeps
 * the audience of every token it issued.
 */
final class FakeIdTokens implements IdTokenProvider {

	private final List<String> audiences = new ArrayList<>();

	private Duration lifetime;

	FakeIdTokens(Duration lifetime) {
		this.lifetime = lifetime;
	}

	@Override
	public synchronized IdToken idTokenWithAudience(String audience, List<Option> options) throws IOException {
		this.audiences.add(audience);
		Instant now = Instant.now();
		String payload = "{\"aud\":\"%s\",\"iat\":%d,\"exp\":%d,\"n\":%d}".formatted(audience, now.getEpochSecond(),
				now.plus(this.lifetime).getEpochSecond(), this.audiences.size());
		return IdToken.create(base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(payload) + "."
				+ base64("signature"));
	}

	synchronized void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	synchronized List<String> audiences() {
		return List.copyOf(this.audiences);
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
