package dev.perfwatch.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tuned query against the recipe's, both on the same real H2 table of 10,000 random rows: the
 * same rows in the same order with the same doubles, bit for bit, and so the same JSON.
 */
class CategoryStatsQueryVariantsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<SingleConnectionDataSource> databases = new ArrayList<>();

	@AfterEach
	void closeDatabases() {
		this.databases.forEach(SingleConnectionDataSource::destroy);
	}

	@Test
	void answersAsTheRecipeBitForBitOverManyThresholdsAndTables() {
		SplittableRandom random = new SplittableRandom(7);
		for (int tables = 0; tables < 3; tables++) {
			Table table = filledTable();
			CategoryStatsQuery recipe = table.query(DataProperties.Query.RECIPE);
			CategoryStatsQuery tuned = table.query(DataProperties.Query.TUNED);
			List<Double> thresholds = new ArrayList<>();
			for (int i = 0; i < 150; i++) {
				thresholds.add(random.nextDouble(100, 500));
				thresholds.add(random.nextDouble(-50, 1050));
			}
			// A threshold equal to a stored value: that row is left out by both, or the bits differ.
			thresholds.addAll(table.jdbc().queryForList("SELECT \"value\" FROM performance_data WHERE id < 20", Double.class));
			for (double threshold : thresholds) {
				assertSameAnswers(recipe, tuned, threshold);
			}
		}
	}

	@Test
	void answersAsTheRecipeAtTheEdges() {
		Table table = filledTable();
		CategoryStatsQuery recipe = table.query(DataProperties.Query.RECIPE);
		CategoryStatsQuery tuned = table.query(DataProperties.Query.TUNED);
		double highest = table.jdbc().queryForObject("SELECT MAX(\"value\") FROM performance_data", Double.class);
		// The controller draws its thresholds in [100, 500); no request can send NaN or an
		// infinity, but both queries must still answer them alike.
		for (double threshold : new double[] { highest, 1000, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN }) {
			assertThat(recipe.above(threshold)).as("above %s", threshold).isEmpty();
			assertThat(tuned.above(threshold)).as("above %s", threshold).isEmpty();
		}
		for (double threshold : new double[] { -1, -0.0, 0, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
				Math.nextDown(highest) }) {
			assertSameAnswers(recipe, tuned, threshold);
		}
		assertThat(tuned.above(-1).stream().mapToLong(CategoryStats::count).sum()).isEqualTo(10_000);
		assertThat(tuned.above(Math.nextDown(highest))).singleElement()
			.satisfies((row) -> assertThat(row.average()).isEqualTo(highest));
	}

	@Test
	void averagesAsTheSameDecimalTypeAsTheRecipe() throws SQLException {
		Table table = filledTable();
		table.data().addDecimalValueColumn();
		// Both averages are divided to this type's precision before they become doubles: with
		// another (a DECFLOAT column of no declared precision has 100,000 digits), the rounding
		// differs.
		try (Connection connection = table.jdbc().getDataSource().getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT AVG(\"value\"), AVG(value_decimal) FROM performance_data");
				ResultSet rs = statement.executeQuery()) {
			ResultSetMetaData meta = rs.getMetaData();
			assertThat(meta.getColumnTypeName(1)).isEqualTo("DECFLOAT");
			assertThat(meta.getColumnTypeName(2)).isEqualTo(meta.getColumnTypeName(1));
			assertThat(meta.getPrecision(2)).isEqualTo(meta.getPrecision(1)).isEqualTo(27);
		}
	}

	private static void assertSameAnswers(CategoryStatsQuery recipe, CategoryStatsQuery tuned, double threshold) {
		List<CategoryStats> expected = recipe.above(threshold);
		List<CategoryStats> actual = tuned.above(threshold);
		assertThat(bits(actual)).as("above %s", threshold).isEqualTo(bits(expected));
		assertThat(JSON.writeValueAsString(actual)).as("above %s", threshold)
			.isEqualTo(JSON.writeValueAsString(expected));
	}

	private static List<String> bits(List<CategoryStats> rows) {
		return rows.stream()
			.map((row) -> String.join(" ", row.category(), Long.toString(row.count()),
					Long.toHexString(Double.doubleToRawLongBits(row.average())),
					Long.toHexString(Double.doubleToRawLongBits(row.maximum())),
					Long.toHexString(Double.doubleToRawLongBits(row.minimum()))))
			.toList();
	}

	/** A new in-memory database with the service's table of 10,000 rows, random as at start. */
	private Table filledTable() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID());
		SingleConnectionDataSource database;
		try {
			database = new SingleConnectionDataSource(h2.getConnection(), true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		this.databases.add(database);
		JdbcTemplate jdbc = new JdbcTemplate(database);
		PerformanceDataTable data = new PerformanceDataTable(jdbc, new DataProperties(10_000, DataProperties.Query.RECIPE));
		data.afterPropertiesSet();
		return new Table(jdbc, data);
	}

	private record Table(JdbcTemplate jdbc, PerformanceDataTable data) {

		CategoryStatsQuery query(DataProperties.Query variant) {
			return CategoryStatsQuery.of(variant, this.data, this.jdbc);
		}

	}

}
