package dev.perfwatch.data;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.perfwatch.observability.time.Elapsed;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /data/fetch}: the aggregate query with a random threshold in [100, 500), then the
 * processing step, each in the recipe's span, inside {@code data_fetch_operation}.
 */
@RestController
class DataController {

	private static final int SAMPLE_SIZE = 5;

	private final CategoryStatsQuery query;

	private final StatisticsProcessor processor;

	private final ObservationRegistry registry;

	DataController(CategoryStatsQuery query, StatisticsProcessor processor, ObservationRegistry registry) {
		this.query = query;
		this.processor = processor;
		this.registry = registry;
	}

	@GetMapping("/data/fetch")
	FetchResponse fetch() {
		Observation operation = Observation.createNotStarted("data_fetch_operation", this.registry);
		return operation.observe(() -> {
			long start = System.nanoTime();
			long queryStart = System.nanoTime();
			List<CategoryStats> rows = runQuery();
			double queryMs = Elapsed.millisSince(queryStart);
			List<StatisticsProcessor.ProcessedItem> processed = runProcessing(rows);
			double totalMs = Elapsed.millisSince(start);
			operation.highCardinalityKeyValue("total_duration_ms", String.valueOf(totalMs));
			return new FetchResponse("data", processed.size(), totalMs, queryMs,
					processed.subList(0, Math.min(SAMPLE_SIZE, processed.size())));
		});
	}

	private List<CategoryStats> runQuery() {
		Observation span = Observation.createNotStarted("database_query", this.registry)
			.lowCardinalityKeyValue("query_type", "aggregate_analysis");
		return span.observe(() -> {
			long start = System.nanoTime();
			List<CategoryStats> rows = this.query.above(ThreadLocalRandom.current().nextDouble(100, 500));
			span.highCardinalityKeyValue("query_duration_ms", String.valueOf(Elapsed.millisSince(start)));
			span.highCardinalityKeyValue("result_count", String.valueOf(rows.size()));
			return rows;
		});
	}

	private List<StatisticsProcessor.ProcessedItem> runProcessing(List<CategoryStats> rows) {
		Observation span = Observation.createNotStarted("data_processing", this.registry);
		return span.observe(() -> {
			List<StatisticsProcessor.ProcessedItem> processed = this.processor.process(rows);
			span.highCardinalityKeyValue("items_processed", String.valueOf(processed.size()));
			return processed;
		});
	}

	record FetchResponse(String service, int totalItems, double processingTimeMs, double queryTimeMs,
			List<StatisticsProcessor.ProcessedItem> data) {

	}

}
