package dev.perfwatch.auth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The auth service's share of the recipe's work with none of the plumbing: the service's own
 * session building, store and hashing, called on one thread, timed in CPU time.
 * {@code bench/floor.sh} runs it; the argument is how many calls to time after as many to warm up.
 */
final class RecipeWorkFloor {

	private RecipeWorkFloor() {
	}

	public static void main(String[] args) {
		int calls = Integer.parseInt(args[0]);
		SessionFactory sessions = new SessionFactory();
		SessionStore store = new SessionStore(new SessionProperties(50, 25, true));
		TokenHasher hasher = new TokenHasher(new AuthProperties(1000));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int sink = 0;
		for (int i = 0; i < calls; i++) {
			sink += verify(sessions, store, hasher);
		}
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < calls; i++) {
			sink += verify(sessions, store, hasher);
		}
		double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / calls;
		System.out.printf(Locale.ROOT, "floor auth session-and-hashing %.4f ms%n", millis);
		System.err.println("(result " + sink + ")");
	}

	/** What {@code AuthController.verify} does, without the controller. */
	private static int verify(SessionFactory sessions, SessionStore store, TokenHasher hasher) {
		Session session = sessions.create();
		store.add(session);
		return hasher.hashTokens(session.sessionId()).length();
	}

}
