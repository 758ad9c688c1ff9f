package dev.perfwatch.auth;

import dev.perfwatch.observability.time.Elapsed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /auth/verify}: build a heavy session, hash tokens, store the session.
 */
@RestController
class AuthController {

	private final SessionFactory sessionFactory;

	private final TokenHasher tokenHasher;

	private final SessionStore sessionStore;

	AuthController(SessionFactory sessionFactory, TokenHasher tokenHasher, SessionStore sessionStore) {
		this.sessionFactory = sessionFactory;
		this.tokenHasher = tokenHasher;
		this.sessionStore = sessionStore;
	}

	@GetMapping("/auth/verify")
	VerifyResponse verify() {
		long start = System.nanoTime();
		Session session = this.sessionFactory.create();
		int activeSessions = this.sessionStore.add(session);
		this.tokenHasher.hashTokens(session.sessionId());
		return new VerifyResponse("auth", true, session.sessionId(), Elapsed.millisSince(start), activeSessions);
	}

	record VerifyResponse(String service, boolean authenticated, String sessionId, double processingTimeMs,
			int activeSessions) {

	}

}
