package dev.perfwatch.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Builds sessions the way the recipe does, allocation for allocation, so heap profiles show it.
 */
@Component
class SessionFactory {

	private static final List<String> PERMISSION_SET = List.of("read", "write", "admin");

	private final SecureRandom random = new SecureRandom();

	Session create() {
		byte[] token = new byte[32];
		this.random.nextBytes(token);
		String sessionId = HexFormat.of().formatHex(token);

		List<String> permissions = new ArrayList<>(300);
		for (int i = 0; i < 100; i++) {
			permissions.addAll(PERMISSION_SET);
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			metadata.put("key_" + i, ("value_" + i).repeat(50));
		}
		double now = System.currentTimeMillis() / 1000.0;
		List<Double> timestamps = new ArrayList<>(1000);
		for (int i = 0; i < 1000; i++) {
			timestamps.add(now + i);
		}
		return new Session(sessionId, permissions, metadata, timestamps);
	}

}
