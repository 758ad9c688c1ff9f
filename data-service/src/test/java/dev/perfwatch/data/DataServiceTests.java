package dev.perfwatch.data;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data service over its real in-memory H2 database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataServiceTests {

	private final JdbcTemplate jdbc;

	private final CategoryStatsQuery query;

	private final MockMvc mvc;

	@Autowired
	DataServiceTests(JdbcTemplate jdbc, CategoryStatsQuery query, MockMvc mvc) {
		this.jdbc = jdbc;
		this.query = query;
		this.mvc = mvc;
	}

	@Test
	void createsTheRecipesTableAtStart() {
		Map<String, Object> summary = this.jdbc.queryForMap("""
				SELECT COUNT(*) AS ROWS_, COUNT(DISTINCT category) AS CATEGORIES,
				       MIN("value") AS LOWEST, MAX("value") AS HIGHEST, MIN(name) AS FIRST_NAME
				FROM performance_data""");
		assertThat(((Number) summary.get("ROWS_")).intValue()).isEqualTo(10_000);
		assertThat(((Number) summary.get("CATEGORIES")).intValue()).isEqualTo(10);
		assertThat(((Number) summary.get("LOWEST")).doubleValue()).isGreaterThanOrEqualTo(0);
		assertThat(((Number) summary.get("HIGHEST")).doubleValue()).isLessThan(1000);
		assertThat(summary.get("FIRST_NAME")).isEqualTo("item_0");
	}

	@Test
	void runsTheRecipesQueryByDefault() {
		assertThat(this.query).isInstanceOf(RecipeCategoryStatsQuery.class);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
				WHERE TABLE_NAME = 'PERFORMANCE_DATA' AND COLUMN_NAME = 'VALUE_DECIMAL'""", Long.class)).isZero();
	}

	@Test
	void aggregatesRowsAboveTheThresholdByCategoryHighestAverageFirst() {
		List<CategoryStats> rows = this.query.above(400);
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.minimum()).isGreaterThan(400);
			assertThat(row.average()).isBetween(row.minimum(), row.maximum());
		});
		assertThat(rows).extracting(CategoryStats::average).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM performance_data WHERE \"value\" > 400",
				Long.class);
		assertThat(rows.stream().mapToLong(CategoryStats::count).sum()).isEqualTo(expected);
	}

	@Test
	void fetchAnswersWithTheRecipesFields() throws Exception {
		this.mvc.perform(get("/data/fetch"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("data"))
			.andExpect(jsonPath("$.total_items").value(10))
			.andExpect(jsonPath("$.processing_time_ms").isNumber())
			.andExpect(jsonPath("$.query_time_ms").isNumber())
			.andExpect(jsonPath("$.data", hasSize(5)))
			.andExpect(jsonPath("$.data[0].category", startsWith("category_")))
			.andExpect(jsonPath("$.data[0].statistics.count").isNumber())
			.andExpect(jsonPath("$.data[0].statistics.average").isNumber())
			.andExpect(jsonPath("$.data[0].statistics.maximum").isNumber())
			.andExpect(jsonPath("$.data[0].statistics.minimum").isNumber())
			.andExpect(jsonPath("$.data[0].statistics.variance").isNumber())
			.andExpect(jsonPath("$.data[0].statistics.processed_score").isNumber());
	}

}
