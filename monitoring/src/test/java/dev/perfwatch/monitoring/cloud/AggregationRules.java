package dev.perfwatch.monitoring.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.api.MetricDescriptor.MetricKind;
import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.Aggregation.Aligner;
import com.google.monitoring.v3.Aggregation.Reducer;

/**
 * Which aligners and reducers make sense for which kind of metric. A distribution needs a
 * percentile (per series, or across series after {@code ALIGN_DELTA} merged the buckets): its mean
 * hides the tail and the recipe's {@code ALIGN_MEAN} on latency is exactly that mistake. A delta
 * count needs a rate or sum; a gauge must not be differenced.
 */
final class AggregationRules {

	private static final Set<Aligner> DISTRIBUTION_ALIGNERS = Set.of(Aligner.ALIGN_DELTA,
			Aligner.ALIGN_PERCENTILE_99, Aligner.ALIGN_PERCENTILE_95, Aligner.ALIGN_PERCENTILE_50,
			Aligner.ALIGN_PERCENTILE_05);

	private static final Set<Reducer> PERCENTILE_REDUCERS = Set.of(Reducer.REDUCE_PERCENTILE_99,
			Reducer.REDUCE_PERCENTILE_95, Reducer.REDUCE_PERCENTILE_50, Reducer.REDUCE_PERCENTILE_05);

	private static final Set<Aligner> DELTA_ALIGNERS = Set.of(Aligner.ALIGN_RATE, Aligner.ALIGN_DELTA,
			Aligner.ALIGN_SUM);

	private static final Set<Aligner> GAUGE_ALIGNERS = Set.of(Aligner.ALIGN_MEAN, Aligner.ALIGN_MAX,
			Aligner.ALIGN_MIN, Aligner.ALIGN_NEXT_OLDER);

	private AggregationRules() {
	}

	/**
	 * @param keepsDistribution whether the consumer plots the distribution itself (a heatmap), so
	 * merged buckets without a percentile are fine
	 */
	static List<String> check(String where, CloudRunMetric metric, Aggregation aggregation,
			boolean keepsDistribution) {
		List<String> problems = new ArrayList<>();
		Aligner aligner = aggregation.getPerSeriesAligner();
		Reducer reducer = aggregation.getCrossSeriesReducer();
		if (aggregation.getAlignmentPeriod().getSeconds() < 60) {
			problems.add(where + ": alignmentPeriod below 60s; Cloud Run samples every 60 s");
		}
		if (metric.isDistribution()) {
			if (!DISTRIBUTION_ALIGNERS.contains(aligner)) {
				problems.add(where + ": " + aligner + " on distribution " + metric.type()
						+ "; use a percentile aligner, or ALIGN_DELTA with a percentile reducer");
			}
			else if (aligner == Aligner.ALIGN_DELTA && !PERCENTILE_REDUCERS.contains(reducer)
					&& !keepsDistribution) {
				problems.add(where + ": ALIGN_DELTA on distribution " + metric.type()
						+ " needs a REDUCE_PERCENTILE_* reducer to become a number");
			}
		}
		else if (metric.kind() == MetricKind.DELTA && !DELTA_ALIGNERS.contains(aligner)) {
			problems.add(where + ": " + aligner + " on delta metric " + metric.type() + "; use ALIGN_RATE or ALIGN_DELTA");
		}
		else if (metric.kind() == MetricKind.GAUGE && !GAUGE_ALIGNERS.contains(aligner)) {
			problems.add(where + ": " + aligner + " on gauge metric " + metric.type());
		}
		if (reducer != Reducer.REDUCE_NONE && reducer != Reducer.UNRECOGNIZED
				&& aggregation.getGroupByFieldsList().isEmpty()) {
			problems.add(where + ": " + reducer + " without groupByFields merges every service into one line");
		}
		return problems;
	}

	/** The unit of the aligned values: the metric's own, per second after ALIGN_RATE. */
	static String resultUnit(CloudRunMetric metric, Aggregation aggregation) {
		return (aggregation.getPerSeriesAligner() == Aligner.ALIGN_RATE) ? metric.unit() + "/s" : metric.unit();
	}

}
