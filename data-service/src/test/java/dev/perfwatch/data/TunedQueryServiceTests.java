package dev.perfwatch.data;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data service with {@code data.query=tuned}, over its real in-memory H2 database: a database
 * of its own, since the default one outlives DataServiceTests' cached context in this JVM.
 */
@SpringBootTest(properties = { "data.query=tuned",
		"spring.datasource.url=jdbc:h2:mem:tuned-query-tests;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc
class TunedQueryServiceTests {

	private final CategoryStatsQuery query;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final MockMvc mvc;

	@Autowired
	TunedQueryServiceTests(CategoryStatsQuery query, JdbcTemplate jdbc, JsonMapper json, MockMvc mvc) {
		this.query = query;
		this.jdbc = jdbc;
		this.json = json;
		this.mvc = mvc;
	}

	@Test
	void runsTheTunedQuery() {
		assertThat(this.query).isInstanceOf(TunedCategoryStatsQuery.class);
	}

	@Test
	void answersWithTheRecipesJsonOnTheServicesOwnTable() {
		CategoryStatsQuery recipe = new RecipeCategoryStatsQuery(this.jdbc);
		for (double threshold : List.of(-1.0, 100.0, 250.5, 499.999, 999.9)) {
			assertThat(this.json.writeValueAsString(this.query.above(threshold))).as("above %s", threshold)
				.isEqualTo(this.json.writeValueAsString(recipe.above(threshold)));
		}
	}

	@Test
	void fetchAnswersWithTheRecipesFields() throws Exception {
		this.mvc.perform(get("/data/fetch"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("data"))
			.andExpect(jsonPath("$.total_items").value(10))
			.andExpect(jsonPath("$.data[0].statistics.average").isNumber());
	}

}
