package dev.perfwatch.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates and fills the recipe's {@code performance_data} table: {@code item_<i>}, a value in
 * [0, 1000), one of ten categories, and the load time.
 */
@Component
class PerformanceDataTable implements InitializingBean {

	static final int CATEGORIES = 10;

	private final JdbcTemplate jdbc;

	private final int rows;

	PerformanceDataTable(JdbcTemplate jdbc, DataProperties properties) {
		this.jdbc = jdbc;
		this.rows = properties.rows();
	}

	@Override
	public void afterPropertiesSet() {
		this.jdbc.execute("""
				CREATE TABLE performance_data (
				    id INTEGER PRIMARY KEY,
				    name VARCHAR(64),
				    "value" DOUBLE PRECISION,
				    category VARCHAR(32),
				    "timestamp" DOUBLE PRECISION
				)""");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double now = System.currentTimeMillis() / 1000.0;
		List<Object[]> batch = new ArrayList<>(this.rows);
		for (int i = 0; i < this.rows; i++) {
			batch.add(new Object[] { i, "item_" + i, random.nextDouble(0, 1000), "category_" + (i % CATEGORIES), now });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO performance_data (id, name, \"value\", category, \"timestamp\") VALUES (?, ?, ?, ?, ?)",
				batch);
	}

	/**
	 * Adds {@code value_decimal}, each value as the DECFLOAT(17) that H2's AVG over the DOUBLE
	 * column converts it to, computed once per row rather than on every query: the tuned query's.
	 */
	void addDecimalValueColumn() {
		this.jdbc.execute("""
				ALTER TABLE performance_data ADD COLUMN value_decimal DECFLOAT(17)
				    GENERATED ALWAYS AS (CAST("value" AS DECFLOAT(17)))""");
	}

}
