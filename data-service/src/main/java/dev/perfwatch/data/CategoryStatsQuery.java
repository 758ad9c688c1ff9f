package dev.perfwatch.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recipe's aggregate over {@code performance_data}: per category, the rows above a threshold,
 * ordered by average value, highest first. Each call borrows a pooled connection.
 */
@Component
class CategoryStatsQuery {

	private static final String SQL = """
			SELECT category, COUNT(*) AS cnt, AVG("value") AS avg_value,
			       MAX("value") AS max_value, MIN("value") AS min_value
			FROM performance_data
			WHERE "value" > ?
			GROUP BY category
			ORDER BY avg_value DESC""";

	private final JdbcTemplate jdbc;

	CategoryStatsQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<CategoryStats> above(double threshold) {
		return this.jdbc.query(SQL, (rs, rowNum) -> new CategoryStats(rs.getString(1), rs.getLong(2), rs.getDouble(3),
				rs.getDouble(4), rs.getDouble(5)), threshold);
	}

}
