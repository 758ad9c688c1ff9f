package dev.perfwatch.loadgen.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.perfwatch.loadgen.report.TextReport;
import dev.perfwatch.loadgen.sizing.Measurements.LoadStep;

/**
 * Finds the knee: the highest offered rate before the first step that misses the objective. A
 * step that meets it again above a miss is not trusted: past the knee the suite is saturated, and
 * a good step there is luck, not capacity.
 */
final class KneeFinder {

	private KneeFinder() {
	}

	static Knee find(List<LoadStep> steps, Objective objective) {
		List<LoadStep> byRate = steps.stream().sorted(Comparator.comparingDouble(LoadStep::rateTarget)).toList();
		List<StepVerdict> verdicts = new ArrayList<>();
		LoadStep knee = null;
		boolean missed = false;
		List<String> notes = new ArrayList<>();
		for (LoadStep step : byRate) {
			String reason = miss(step, objective);
			verdicts.add(new StepVerdict(step.rateTarget(), step.rateAchieved(), step.p99Ms(), step.errorRatio(),
					reason.isEmpty(), reason));
			if (!reason.isEmpty()) {
				missed = true;
			}
			else if (!missed) {
				knee = step;
			}
			else {
				notes.add("the step at " + TextReport.fmt(step.rateTarget())
						+ " req/s met the objective after a step that missed it: not used");
			}
		}
		if (knee != null && !missed) {
			notes.add("every step met the objective: the capacity per instance is at least the last step's; "
					+ "measure higher rates for a tighter figure");
		}
		return new Knee(knee, verdicts, notes);
	}

	/** Why the step misses the objective, or "" when it meets it. */
	private static String miss(LoadStep step, Objective objective) {
		List<String> reasons = new ArrayList<>();
		if (step.p99Ms() > objective.p99Ms()) {
			reasons.add("p99 " + TextReport.fmt(step.p99Ms()) + " ms > " + TextReport.fmt(objective.p99Ms()) + " ms");
		}
		if (step.errorRatio() > objective.maxErrorRatio()) {
			reasons.add(String.format(Locale.ROOT, "errors %.2f %% > %s %%", 100 * step.errorRatio(),
					TextReport.fmt(100 * objective.maxErrorRatio())));
		}
		return String.join(", ", reasons);
	}

	/**
	 * @param step the knee, or {@code null} when even the lowest step misses the objective
	 * @param verdicts every step, by offered rate
	 */
	record Knee(LoadStep step, List<StepVerdict> verdicts, List<String> notes) {

		boolean found() {
			return this.step != null;
		}

	}

	/** One step against the objective, as the report shows it. */
	record StepVerdict(double rateTarget, double rateAchieved, double p99Ms, double errorRatio, boolean meets,
			String miss) {
	}

}
