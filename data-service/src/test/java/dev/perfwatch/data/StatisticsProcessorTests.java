package dev.perfwatch.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsProcessorTests {

	@Test
	void scoresEachCategoryAsTheRecipeDoes() {
		List<StatisticsProcessor.ProcessedItem> items = new StatisticsProcessor()
			.process(List.of(new CategoryStats("category_3", 600, 700.456, 999.0, 401.0)));
		assertThat(items).hasSize(1);
		StatisticsProcessor.Statistics statistics = items.get(0).statistics();
		assertThat(items.get(0).category()).isEqualTo("category_3");
		assertThat(statistics.count()).isEqualTo(600);
		assertThat(statistics.average()).isEqualTo(700.46);
		assertThat(statistics.maximum()).isEqualTo(999.0);
		assertThat(statistics.minimum()).isEqualTo(401.0);
		assertThat(statistics.variance()).isBetween(0.0, 100.0);
		assertThat(statistics.processedScore()).isCloseTo(700.456 * 0.4 + 999.0 * 0.3 + 600 * 0.3,
				within(1e-9));
	}

}
