package dev.perfwatch.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHasherTests {

	@Test
	void hashesEachRoundsTokenWithSha256() {
		// echo -n 'auth_token_2_abc' | sha256sum
		assertThat(new TokenHasher(new AuthProperties(3)).hashTokens("abc"))
			.isEqualTo("4e302232666c1d6f705142cfb8057277462af0ad23c64345f87b2763616b48c4");
	}

}
