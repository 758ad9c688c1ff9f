package dev.perfwatch.data;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the aggregate query: a category and its count, average, maximum and minimum value.
 */
record CategoryStats(String category, long count, double average, double maximum, double minimum) {

	/** The row as both queries select it: category, count, average, maximum, minimum. */
	static CategoryStats fromRow(ResultSet rs, int rowNum) throws SQLException {
		return new CategoryStats(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
	}

}
