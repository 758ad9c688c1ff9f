package dev.perfwatch.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recipe's aggregate, as the recipe writes it: the demo's deliberate bottleneck. H2 averages a
 * DOUBLE column as DECFLOAT, so every call converts each row's value to a BigDecimal through
 * {@code Double.toString}. Each call borrows a pooled connection.
 */
class RecipeCategoryStatsQuery implements CategoryStatsQuery {

	private static final String SQL = """
			SELECT category, COUNT(*) AS cnt, AVG("value") AS avg_value,
			       MAX("value") AS max_value, MIN("value") AS min_value
			FROM performance_data
			WHERE "value" > ?
			GROUP BY category
			ORDER BY avg_value DESC""";

	private final JdbcTemplate jdbc;

	RecipeCategoryStatsQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CategoryStats> above(double threshold) {
		return this.jdbc.query(SQL, CategoryStats::fromRow, threshold);
	}

}
