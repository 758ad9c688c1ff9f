package dev.perfwatch.monitoring.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.monitoring.dashboard.v1.Dashboard;
import com.google.monitoring.dashboard.v1.MosaicLayout;
import com.google.monitoring.dashboard.v1.TimeSeriesFilter;
import com.google.monitoring.dashboard.v1.Widget;
import com.google.monitoring.dashboard.v1.XyChart;

/**
 * Every chart of a dashboard must plot a real Cloud Run metric with an aggregation that suits it.
 * Only mosaic layouts, XY charts and text tiles are accepted, so a new widget kind cannot slip in
 * unchecked.
 */
final class DashboardRules {

	private DashboardRules() {
	}

	static List<String> check(Dashboard dashboard) {
		List<String> problems = new ArrayList<>();
		if (!dashboard.hasMosaicLayout()) {
			problems.add("dashboard '" + dashboard.getDisplayName() + "': only mosaicLayout is checked");
			return problems;
		}
		for (MosaicLayout.Tile tile : dashboard.getMosaicLayout().getTilesList()) {
			Widget widget = tile.getWidget();
			String where = "tile '" + widget.getTitle() + "'";
			switch (widget.getContentCase()) {
				case TEXT -> {
				}
				case XY_CHART -> problems.addAll(chartProblems(where, widget.getXyChart()));
				default -> problems.add(where + ": unchecked widget kind " + widget.getContentCase());
			}
		}
		return problems;
	}

	private static List<String> chartProblems(String where, XyChart chart) {
		List<String> problems = new ArrayList<>();
		for (XyChart.DataSet dataSet : chart.getDataSetsList()) {
			if (!dataSet.getTimeSeriesQuery().hasTimeSeriesFilter()) {
				problems.add(where + ": only timeSeriesFilter queries are checked");
				continue;
			}
			TimeSeriesFilter query = dataSet.getTimeSeriesQuery().getTimeSeriesFilter();
			MonitoringFilter filter = new MonitoringFilter(query.getFilter());
			Optional<String> type = filter.metricType();
			if (type.isEmpty()) {
				problems.add(where + ": filter names no metric.type: " + query.getFilter());
				continue;
			}
			Optional<CloudRunMetric> metric = CloudRunMetrics.byType(type.get());
			if (metric.isEmpty()) {
				problems.add(where + ": " + type.get() + " is no known Cloud Run metric");
				continue;
			}
			if (!filter.resourceType().map(CloudRunMetrics.RESOURCE_TYPE::equals).orElse(false)) {
				problems.add(where + ": filter must select resource.type=\"cloud_run_revision\"");
			}
			boolean heatmap = dataSet.getPlotType() == XyChart.DataSet.PlotType.HEATMAP;
			problems.addAll(AggregationRules.check(where, metric.get(), toV3(query), heatmap));
		}
		return problems;
	}

	/** The dashboard API has its own copy of the v3 Aggregation message; the fields are the same. */
	private static com.google.monitoring.v3.Aggregation toV3(TimeSeriesFilter query) {
		try {
			return com.google.monitoring.v3.Aggregation.parseFrom(query.getAggregation().toByteArray());
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
