package dev.perfwatch.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The recipe's cryptographic hotspot: SHA-256 of {@code auth_token_<i>_<session id>}, hex-encoded,
 * for each round.
 */
@Component
class TokenHasher {

	private final int rounds;

	TokenHasher(AuthProperties properties) {
		this.rounds = properties.hashRounds();
	}

	/**
	 * @return the last digest, so the work has a result
	 */
	String hashTokens(String sessionId) {
		MessageDigest sha256 = newSha256();
		String digest = "";
		for (int i = 0; i < this.rounds; i++) {
			byte[] hash = sha256.digest(("auth_token_" + i + "_" + sessionId).getBytes(StandardCharsets.UTF_8));
			digest = HexFormat.of().formatHex(hash);
		}
		return digest;
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime must provide SHA-256", ex);
		}
	}

}
