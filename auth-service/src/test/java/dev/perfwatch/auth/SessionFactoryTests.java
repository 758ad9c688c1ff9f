package dev.perfwatch.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionFactoryTests {

	@Test
	void buildsTheRecipesHeavySession() {
		Session session = new SessionFactory().create();
		assertThat(session.sessionId()).matches("[0-9a-f]{64}");
		assertThat(session.permissions()).hasSize(300).containsOnly("read", "write", "admin");
		assertThat(session.metadata()).hasSize(100).containsEntry("key_7", "value_7".repeat(50));
		assertThat(session.timestamps()).hasSize(1000);
		assertThat(session.timestamps().get(999) - session.timestamps().get(0)).isEqualTo(999.0);
	}

	@Test
	void neverRepeatsASessionId() {
		SessionFactory factory = new SessionFactory();
		assertThat(factory.create().sessionId()).isNotEqualTo(factory.create().sessionId());
	}

}
