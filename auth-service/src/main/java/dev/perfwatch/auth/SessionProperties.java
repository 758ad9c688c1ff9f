package dev.perfwatch.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the in-memory session store.
 *
 * @param maxSessions the store evicts once it holds more than this many sessions
 * @param evictCount how many of the oldest sessions one eviction removes
 * @param evictionEnabled {@code false} turns eviction off: a deliberate memory leak for the
 * leak-detection walkthrough, never for production
 */
@ConfigurationProperties("auth.sessions")
public record SessionProperties(int maxSessions, int evictCount, boolean evictionEnabled) {

}
