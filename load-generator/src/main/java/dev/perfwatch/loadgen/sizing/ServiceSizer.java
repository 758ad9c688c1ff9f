package dev.perfwatch.loadgen.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import dev.perfwatch.loadgen.cli.BadInputException;
import dev.perfwatch.loadgen.report.TextReport;
import dev.perfwatch.loadgen.sizing.Measurements.LoadStep;
import dev.perfwatch.loadgen.sizing.Measurements.ServiceSample;

/**
 * Sizes one service from its figures at the knee. Cloud Run's autoscaler adds instances when the
 * mean CPU use or the mean requests in flight of an instance pass 60 % of what it has; each
 * setting is chosen so that both limits fall where the measured instance still met the objective:
 * <ul>
 * <li>concurrency: the requests in flight at the knee, divided by 0.6, but at least enough for 99 %
 * of random (Poisson) arrivals at that mean to find a free slot: the knee's p99 was measured with
 * those bursts let in, and a lower cap would make them wait for another instance;</li>
 * <li>CPU: CPU per request times the knee's rate, divided by 0.6, up to a whole count Cloud Run
 * allows;</li>
 * <li>memory: the peak resident set plus the headroom, in 256 MiB steps, at least 512 MiB and
 * what Cloud Run asks for that many vCPUs;</li>
 * <li>max instances: the target rate over the knee's rate per instance, plus the headroom;</li>
 * <li>min instances: 1 when a cold start takes longer than the p99 objective (or was not
 * measured), since a request that waits for one misses the objective.</li>
 * </ul>
 */
final class ServiceSizer {

	private final Objective objective;

	private final Pricing pricing;

	private final double headroom;

	ServiceSizer(Objective objective, Pricing pricing, double headroom) {
		this.objective = objective;
		this.pricing = pricing;
		this.headroom = headroom;
	}

	/**
	 * @param entryRate the target rate at the entry point, requests per second
	 * @param peakRssMib the largest resident set over all steps
	 */
	ServiceRecommendation size(String service, LoadStep knee, double entryRate, double peakRssMib,
			Double startupSeconds) {
		ServiceSample sample = knee.services().get(service);
		if (sample.requestsPerSecond() <= 0 || knee.rateAchieved() <= 0) {
			throw new BadInputException(service + " served no requests at the knee (" + fmt(knee.rateTarget())
					+ " req/s): measure only services on the request path");
		}
		List<String> reasons = new ArrayList<>();
		double ratePerInstance = sample.requestsPerSecond();
		double coresAtKnee = sample.cpuMsPerRequest() * ratePerInstance / 1000;
		double vcpusNeeded = coresAtKnee / CloudRunLimits.SCALING_TARGET;
		OptionalInt allowedCpus = CloudRunLimits.cpusFor(vcpusNeeded);
		int cpu;
		if (allowedCpus.isPresent()) {
			cpu = allowedCpus.getAsInt();
			reasons.add(String.format(Locale.ROOT, "cpu: %s ms x %s req/s = %.2f cores at the knee, / 0.6 = %.2f vCPU -> %d",
					fmt(sample.cpuMsPerRequest()), fmt(ratePerInstance), coresAtKnee, vcpusNeeded, cpu));
		}
		else {
			cpu = 8;
			ratePerInstance = cpu * CloudRunLimits.SCALING_TARGET * 1000 / sample.cpuMsPerRequest();
			reasons.add(String.format(Locale.ROOT,
					"cpu: %.2f vCPU needed at the knee, more than Cloud Run's 8: 8, taking %s req/s per instance",
					vcpusNeeded, fmt(ratePerInstance)));
		}
		double inFlight = sample.inFlight() * ratePerInstance / sample.requestsPerSecond();
		long atScalingTarget = CloudRunLimits.ceil(inFlight / CloudRunLimits.SCALING_TARGET);
		// An arrival sees the in-flight count as it is over time (Poisson arrivals see time averages):
		// it finds a free slot when fewer than the cap are in flight, so the cap is one above the p99.
		long forBursts = PoissonQuantile.p99(inFlight) + 1;
		int concurrency = (int) Math.max(atScalingTarget, forBursts);
		reasons.add(String.format(Locale.ROOT,
				"concurrency: %s in flight at the knee, / 0.6 = %d; for 99 %% of random arrivals at that mean to "
						+ "find a free slot: %d -> %d",
				fmt(inFlight), atScalingTarget, forBursts, concurrency));

		double memoryNeeded = peakRssMib * (1 + this.headroom);
		int memoryMib = (int) Math.max(CloudRunLimits.MIN_JVM_MEMORY_MIB,
				CloudRunLimits.ceil(memoryNeeded / CloudRunLimits.MEMORY_STEP_MIB) * CloudRunLimits.MEMORY_STEP_MIB);
		String memoryReason = String.format(Locale.ROOT, "memory: peak RSS %s MiB + %s %% = %s MiB -> %s",
				fmt(peakRssMib), fmt(100 * this.headroom), fmt(memoryNeeded), CloudRunLimits.memoryFlag(memoryMib));
		while (memoryMib > CloudRunLimits.maxMemoryMib(cpu)) {
			int more = cpu;
			cpu = CloudRunLimits.CPUS.stream().filter((cpus) -> cpus > more).findFirst().orElseThrow(
					() -> new BadInputException(service + " needs " + fmt(memoryNeeded) + " MiB, more than Cloud Run's 32 GiB"));
			memoryReason += ", which takes " + cpu + " vCPU";
		}
		if (memoryMib < CloudRunLimits.minMemoryMib(cpu)) {
			memoryMib = CloudRunLimits.minMemoryMib(cpu);
			memoryReason += ", raised to " + CloudRunLimits.memoryFlag(memoryMib) + ", Cloud Run's least for " + cpu
					+ " vCPU";
		}
		reasons.add(memoryReason);

		double rateAtTarget = entryRate * sample.requestsPerSecond() / knee.rateAchieved();
		int instances = (int) Math.max(1, CloudRunLimits.ceil(rateAtTarget / ratePerInstance));
		int maxInstances = (int) Math.max(instances, CloudRunLimits.ceil(instances * (1 + this.headroom)));
		reasons.add(String.format(Locale.ROOT, "max-instances: %s req/s / %s per instance -> %d, + %s %% -> %d",
				fmt(rateAtTarget), fmt(ratePerInstance), instances, fmt(100 * this.headroom), maxInstances));

		int minInstances;
		if (startupSeconds == null) {
			minInstances = 1;
			reasons.add("min-instances: 1, start-up time not measured (a JVM takes seconds, more than most p99 objectives)");
		}
		else if (startupSeconds * 1000 > this.objective.p99Ms()) {
			minInstances = 1;
			reasons.add("min-instances: 1, a cold start takes " + fmt(startupSeconds) + " s, more than the p99 objective of "
					+ fmt(this.objective.p99Ms()) + " ms: a request that waits for one misses it");
		}
		else {
			minInstances = 0;
			reasons.add("min-instances: 0, a cold start takes " + fmt(startupSeconds) + " s, within the p99 objective");
		}
		int running = Math.max(minInstances, instances);
		MonthlyCost cost = MonthlyCost.of(this.pricing, cpu, memoryMib, rateAtTarget, sample.meanLatencySeconds(),
				running);
		return new ServiceRecommendation(service, cpu, CloudRunLimits.memoryFlag(memoryMib), memoryMib, concurrency,
				minInstances, maxInstances, instances, round(rateAtTarget), round(ratePerInstance), round(inFlight),
				sample.cpuMsPerRequest(), peakRssMib, startupSeconds, cost, reasons);
	}

	private static String fmt(double value) {
		return TextReport.fmt(value);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
