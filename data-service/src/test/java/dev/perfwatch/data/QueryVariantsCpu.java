package dev.perfwatch.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * CPU time per call of each {@code data.query} variant, side by side in one JVM: each over a table
 * of its own, built as the service builds it with that setting, on one open H2 connection, called
 * on one thread with the controller's thresholds. Rounds alternate which variant goes first and
 * give both the same thresholds. {@code bench/h2-tuned.sh} runs it; the arguments are the calls
 * per variant to time (after as many to warm up) and the rounds to split them into.
 */
final class QueryVariantsCpu {

	private QueryVariantsCpu() {
	}

	public static void main(String[] args) throws Exception {
		int calls = Integer.parseInt(args[0]);
		int rounds = Integer.parseInt(args[1]);
		Map<DataProperties.Query, CategoryStatsQuery> queries = new EnumMap<>(DataProperties.Query.class);
		for (DataProperties.Query variant : DataProperties.Query.values()) {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:" + variant + ";DB_CLOSE_DELAY=-1");
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(h2.getConnection(), true));
			PerformanceDataTable table = new PerformanceDataTable(jdbc, new DataProperties(10_000, variant));
			table.afterPropertiesSet();
			queries.put(variant, CategoryStatsQuery.of(variant, table, jdbc));
		}
		List<DataProperties.Query> order = List.of(DataProperties.Query.values());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		for (int i = 0; i < calls; i++) {
			double threshold = ThreadLocalRandom.current().nextDouble(100, 500);
			for (CategoryStatsQuery query : queries.values()) {
				sink += query.above(threshold).size();
			}
		}
		Map<DataProperties.Query, Long> nanos = new EnumMap<>(DataProperties.Query.class);
		int perRound = calls / rounds;
		double[] ratios = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			double[] thresholds = ThreadLocalRandom.current().doubles(perRound, 100, 500).toArray();
			Map<DataProperties.Query, Long> roundNanos = new EnumMap<>(DataProperties.Query.class);
			for (int k = 0; k < order.size(); k++) {
				DataProperties.Query variant = order.get((round % 2 == 0) ? k : order.size() - 1 - k);
				CategoryStatsQuery query = queries.get(variant);
				long start = threads.getCurrentThreadCpuTime();
				for (double threshold : thresholds) {
					sink += query.above(threshold).size();
				}
				roundNanos.put(variant, threads.getCurrentThreadCpuTime() - start);
			}
			roundNanos.forEach((variant, n) -> nanos.merge(variant, n, Long::sum));
			ratios[round] = (double) roundNanos.get(DataProperties.Query.TUNED) / roundNanos.get(DataProperties.Query.RECIPE);
		}
		for (DataProperties.Query variant : order) {
			System.out.printf(Locale.ROOT, "query %s %.4f ms%n", variant.name().toLowerCase(Locale.ROOT),
					nanos.get(variant) / 1e6 / (perRound * rounds));
		}
		System.out.printf(Locale.ROOT, "tuned/recipe %.3f (rounds: min %.3f, max %.3f)%n",
				(double) nanos.get(DataProperties.Query.TUNED) / nanos.get(DataProperties.Query.RECIPE),
				Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
		System.err.println("(result " + sink + ")");
	}

}
