package dev.perfwatch.observability.gcp;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SessionEvictionGuardTest {

	@Test
	void refusesToStartWithEvictionSwitchedOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("auth.sessions.eviction-enabled", "false");

		assertThatIllegalStateException().isThrownBy(() -> new SessionEvictionGuard(environment))
			.withMessageContaining("auth.sessions.eviction-enabled=false");
	}

	@Test
	void startsWithEvictionOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("auth.sessions.eviction-enabled", "true");

		assertThatNoException().isThrownBy(() -> new SessionEvictionGuard(environment));
	}

	@Test
	void startsServicesThatHaveNoSessions() {
		assertThatNoException().isThrownBy(() -> new SessionEvictionGuard(new MockEnvironment()));
	}

}
