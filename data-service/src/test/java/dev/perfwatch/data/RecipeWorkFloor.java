package dev.perfwatch.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The data service's share of the recipe's work with none of the plumbing: the service's own
 * table, aggregate query (on one open H2 connection, as the pool hands it out) and processing,
 * called on one thread, timed in CPU time. {@code bench/floor.sh} runs it; the argument is how many
 * calls to time after as many to warm up.
 */
final class RecipeWorkFloor {

	private RecipeWorkFloor() {
	}

	public static void main(String[] args) throws Exception {
		int calls = Integer.parseInt(args[0]);
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:performance;DB_CLOSE_DELAY=-1");
		SingleConnectionDataSource connection = new SingleConnectionDataSource(h2.getConnection(), true);
		JdbcTemplate jdbc = new JdbcTemplate(connection);
		new PerformanceDataTable(jdbc, new DataProperties(10_000, DataProperties.Query.RECIPE)).afterPropertiesSet();
		CategoryStatsQuery query = new RecipeCategoryStatsQuery(jdbc);
		StatisticsProcessor processor = new StatisticsProcessor();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int sink = 0;
		for (int i = 0; i < calls; i++) {
			sink += processor.process(query.above(threshold())).size();
		}
		long queryNanos = 0;
		long processingNanos = 0;
		for (int i = 0; i < calls; i++) {
			long start = threads.getCurrentThreadCpuTime();
			List<CategoryStats> rows = query.above(threshold());
			long queried = threads.getCurrentThreadCpuTime();
			sink += processor.process(rows).size();
			processingNanos += threads.getCurrentThreadCpuTime() - queried;
			queryNanos += queried - start;
		}
		System.out.printf(Locale.ROOT, "floor data query %.4f ms%n", queryNanos / 1e6 / calls);
		System.out.printf(Locale.ROOT, "floor data processing %.4f ms%n", processingNanos / 1e6 / calls);
		System.err.println("(result " + sink + ")");
		connection.destroy();
	}

	/** The controller's threshold: uniform in [100, 500). */
	private static double threshold() {
		return ThreadLocalRandom.current().nextDouble(100, 500);
	}

}
