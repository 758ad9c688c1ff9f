package dev.perfwatch.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate over {@code performance_data}: per category, the rows above a threshold, ordered
 * by average value, highest first. {@code data.query} chooses the SQL.
 */
interface CategoryStatsQuery {

	List<CategoryStats> above(double threshold);

	/**
	 * The query {@code variant} names, over {@code table}, which must be filled already: the tuned
	 * query adds a column to it.
	 */
	static CategoryStatsQuery of(DataProperties.Query variant, PerformanceDataTable table, JdbcTemplate jdbc) {
		return switch (variant) {
			case RECIPE -> new RecipeCategoryStatsQuery(jdbc);
			case TUNED -> {
				table.addDecimalValueColumn();
				yield new TunedCategoryStatsQuery(jdbc);
			}
		};
	}

}
