package dev.perfwatch.observability.gcp;

import org.springframework.core.env.Environment;

/**
 * Refuses to start a service in the {@code gcp} profile with the auth service's session eviction
 * switched off. That switch exists for the local leak-detection walkthrough only: in the cloud
 * it would grow the heap until the instance is killed, and every other service would see auth
 * failures. Services without sessions do not set the property and pass.
 */
class SessionEvictionGuard {

	static final String EVICTION_ENABLED = "auth.sessions.eviction-enabled";

	SessionEvictionGuard(Environment environment) {
		if (!environment.getProperty(EVICTION_ENABLED, Boolean.class, true)) {
			throw new IllegalStateException(EVICTION_ENABLED + "=false is a deliberate memory leak for local "
					+ "experiments and is refused in the gcp profile; remove the override");
		}
	}

}
