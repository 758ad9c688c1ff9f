package dev.perfwatch.observability.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with nothing but the web conventions and a few ways to fail: an unexpected exception,
 * an error status sent through the servlet API, a JSON body to read, and one {@link HealthDetails}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
class WebTestApp {

	static final String SECRET = "db password is hunter2";

	@Bean
	HealthDetails sessionCount() {
		return () -> Map.of("active_sessions", 3);
	}

	@GetMapping("/fail")
	String fail() {
		throw new IllegalStateException(SECRET);
	}

	@GetMapping("/conflict")
	void conflict(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_CONFLICT);
	}

	@PostMapping("/echo")
	Map<String, Object> echo(@RequestBody Map<String, Object> body) {
		return body;
	}

}
