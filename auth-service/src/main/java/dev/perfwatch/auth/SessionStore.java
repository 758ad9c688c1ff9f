package dev.perfwatch.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.perfwatch.observability.web.HealthDetails;

import org.springframework.stereotype.Component;

/**
 * Sessions in insertion order. When the store holds more than {@code maxSessions}, the
 * {@code evictCount} oldest go. One lock guards put-and-evict, so no caller ever sees the store
 * above its bound, however many requests run at once. The lock is held for a few map operations
 * only; session building and hashing happen outside it.
 */
@Component
class SessionStore implements HealthDetails {

	private final Map<String, Session> sessions = new LinkedHashMap<>();

	private final SessionProperties properties;

	SessionStore(SessionProperties properties) {
		this.properties = properties;
	}

	/**
	 * Stores a session, evicting the oldest ones if the store is over its bound.
	 * @return how many sessions the store holds afterwards
	 */
	synchronized int add(Session session) {
		this.sessions.put(session.sessionId(), session);
		if (this.properties.evictionEnabled() && this.sessions.size() > this.properties.maxSessions()) {
			Iterator<String> oldest = this.sessions.keySet().iterator();
			for (int i = 0; i < this.properties.evictCount() && oldest.hasNext(); i++) {
				oldest.next();
				oldest.remove();
			}
		}
		return this.sessions.size();
	}

	synchronized boolean contains(String sessionId) {
		return this.sessions.containsKey(sessionId);
	}

	synchronized int size() {
		return this.sessions.size();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("memory_usage_sessions", size());
	}

}
