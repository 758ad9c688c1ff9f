package dev.perfwatch.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recipe's aggregate with the same answers for less CPU: it averages {@code value_decimal},
 * each value converted once, when the column is added, to the DECFLOAT(17) that the recipe's
 * {@code AVG("value")} converts it to on every call. H2 then adds the same decimals and divides
 * them to the same DECFLOAT(27) (its AVG type for both DOUBLE and DECFLOAT(17)), so averages and
 * their order are the recipe's to the bit. Filter, count, maximum and minimum still read
 * {@code "value"}.
 */
class TunedCategoryStatsQuery implements CategoryStatsQuery {

	private static final String SQL = """
			SELECT category, COUNT(*) AS cnt, AVG(value_decimal) AS avg_value,
			       MAX("value") AS max_value, MIN("value") AS min_value
			FROM performance_data
			WHERE "value" > ?
			GROUP BY category
			ORDER BY avg_value DESC""";

	private final JdbcTemplate jdbc;

	TunedCategoryStatsQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CategoryStats> above(double threshold) {
		return this.jdbc.query(SQL, CategoryStats::fromRow, threshold);
	}

}
