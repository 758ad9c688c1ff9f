package dev.perfwatch.loadgen.cli;

import java.util.List;

import dev.perfwatch.loadgen.run.Workload;

/**
 * What the options asked for, ready to run and to describe.
 * @param mode {@code recipe}, {@code closed} or {@code open}
 * @param targetRate the mean intended rate, {@code null} unless open
 * @param stepRates each measured step's {target rate, seconds}; empty unless stepped
 * @param requests the request budget, if any; {@code rates}, {@code stepSeconds} and
 * {@code durationSeconds} likewise are {@code null} where the mode has none
 */
public record WorkloadPlan(String mode, Workload workload, String description, Double targetRate,
		List<double[]> stepRates, Long requests, List<Double> rates, Double stepSeconds, Double durationSeconds) {
}
