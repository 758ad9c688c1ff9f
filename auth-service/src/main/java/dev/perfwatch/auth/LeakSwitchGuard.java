package dev.perfwatch.auth;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start auth-service on Google Cloud (the {@code gcp} profile) with session eviction
 * switched off. That switch is a deliberate memory leak for the local leak-detection walkthrough;
 * in the cloud it would grow the heap until the instance is killed.
 */
@Component
@Profile("gcp")
class LeakSwitchGuard {

	LeakSwitchGuard(SessionProperties sessions) {
		if (!sessions.evictionEnabled()) {
			throw new IllegalStateException("auth.sessions.eviction-enabled=false is a deliberate memory leak for "
					+ "local experiments and is refused in the gcp profile; remove the override");
		}
	}

}
