package dev.perfwatch.loadgen.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.perfwatch.loadgen.cli.BadInputException;

/**
 * The rounds of one revision: its load reports and, optionally, its CPU per request per service.
 *
 * @param cpu {@code null} without CPU figures
 */
record Cohort(List<RoundReport> reports, CpuRounds cpu) {

	/** Fewer rounds leave no spread to judge noise by. */
	static final int MIN_ROUNDS = 2;

	Cohort {
		reports = List.copyOf(reports);
	}

	/** @param name {@code base} or {@code head}, as the options say */
	static Cohort read(String name, List<Path> reports, Path cpu) {
		if (reports.size() < MIN_ROUNDS) {
			throw new BadInputException("compare needs at least " + MIN_ROUNDS + " rounds per side to judge their "
					+ "spread: got " + reports.size() + " --" + name);
		}
		List<RoundReport> read = reports.stream().map(RoundReport::read).toList();
		CpuRounds cpuRounds = (cpu != null) ? CpuRounds.read(cpu) : null;
		if (cpuRounds != null && cpuRounds.rounds().size() != read.size()) {
			throw new BadInputException(cpu + " has " + cpuRounds.rounds().size() + " rounds but " + read.size()
					+ " --" + name + " reports were given: one CPU round per report");
		}
		return new Cohort(read, cpuRounds);
	}

	Samples samples(ToDoubleFunction<RoundReport> figure) {
		return new Samples(this.reports.stream().map(figure::applyAsDouble).toList());
	}

	long sent() {
		return this.reports.stream().mapToLong(RoundReport::sent).sum();
	}

	long failed() {
		return this.reports.stream().mapToLong(RoundReport::failed).sum();
	}

	List<String> settings() {
		return this.reports.stream().map(RoundReport::settings).distinct().toList();
	}

}
