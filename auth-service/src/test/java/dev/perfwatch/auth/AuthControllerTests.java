package dev.perfwatch.auth;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuthControllerTests {

	private final MockMvc mvc;

	@Autowired
	AuthControllerTests(MockMvc mvc) {
		this.mvc = mvc;
	}

	@Test
	void verifyAnswersWithTheRecipesFields() throws Exception {
		this.mvc.perform(get("/auth/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("auth"))
			.andExpect(jsonPath("$.authenticated").value(true))
			.andExpect(jsonPath("$.session_id").value(matchesPattern("[0-9a-f]{64}")))
			.andExpect(jsonPath("$.processing_time_ms").isNumber())
			.andExpect(jsonPath("$.active_sessions").value(lessThanOrEqualTo(50)));
	}

	@Test
	void healthReportsTheSessionCount() throws Exception {
		this.mvc.perform(get("/auth/verify")).andExpect(status().isOk());
		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("healthy"))
			.andExpect(jsonPath("$.service").value("auth"))
			.andExpect(jsonPath("$.memory_usage_sessions").isNumber());
	}

	@Test
	void wrongMethodGets405Json() throws Exception {
		this.mvc.perform(post("/auth/verify"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.error").value("Method Not Allowed"))
			.andExpect(jsonPath("$.status").value(405));
	}

}
