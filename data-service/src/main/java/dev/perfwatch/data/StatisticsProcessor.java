package dev.perfwatch.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * The recipe's processing step, CPU-heavy on purpose: per category, a statistics record (with a
 * random variance and a weighted score) and 100 sums of 50 random numbers.
 */
@Component
class StatisticsProcessor {

	List<ProcessedItem> process(List<CategoryStats> rows) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<ProcessedItem> processed = new ArrayList<>(rows.size());
		for (CategoryStats row : rows) {
			double score = row.average() * 0.4 + row.maximum() * 0.3 + row.count() * 0.3;
			processed.add(new ProcessedItem(row.category(), new Statistics(row.count(),
					Math.round(row.average() * 100) / 100.0, row.maximum(), row.minimum(), random.nextDouble(0, 100), score)));
			simulateAnalysis(random);
		}
		return processed;
	}

	private static double simulateAnalysis(ThreadLocalRandom random) {
		double total = 0;
		for (int round = 0; round < 100; round++) {
			double sum = 0;
			for (int i = 0; i < 50; i++) {
				sum += random.nextDouble();
			}
			total += sum;
		}
		return total;
	}

	record ProcessedItem(String category, Statistics statistics) {

	}

	record Statistics(long count, double average, double maximum, double minimum, double variance,
			double processedScore) {

	}

}
