package dev.perfwatch.loadgen.sizing;

import java.util.List;
import java.util.Map;

/**
 * A stepped open-model run against the suite, one local instance per service: what the load
 * generator saw at the entry point and what each service used, step by step. Written by
 * {@code bench/sizing.sh}; the format is in load-generator/README.md ("Sizing for Cloud Run").
 *
 * @param measuredAt when the run started (ISO-8601), as written
 * @param environment free text: machine, Java, load average
 * @param startupSeconds per service, JVM launch to ready; services without a figure are absent
 * @param steps in the order they ran
 */
record Measurements(String measuredAt, String environment, Map<String, Double> startupSeconds, List<LoadStep> steps) {

	/**
	 * One rate held for a while.
	 *
	 * @param rateTarget the offered rate at the entry point, requests per second
	 * @param rateAchieved requests per second the entry point answered
	 * @param p99Ms end-to-end p99 at the entry point, from each request's intended start
	 * @param services what each service did in this step, in a fixed order
	 */
	record LoadStep(double rateTarget, double rateAchieved, long sent, long failed, double p99Ms,
			Map<String, ServiceSample> services) {

		double errorRatio() {
			return (this.sent == 0) ? 0 : (double) this.failed / this.sent;
		}

	}

	/**
	 * One service over one step.
	 *
	 * @param requestsPerSecond requests this service served (a caller may send it several per entry request)
	 * @param cpuMsPerRequest process CPU time (user + system) over the step, per request served
	 * @param rssMib resident set at the end of the step
	 * @param peakRssMib the largest resident set so far (VmHWM), start-up included
	 * @param inFlight mean requests in service over the step: the sum of their service times divided by
	 * the step's length (Little's law)
	 */
	record ServiceSample(double requestsPerSecond, double cpuMsPerRequest, double rssMib, double peakRssMib,
			double inFlight) {

		/** The mean time a request spends in this service. */
		double meanLatencySeconds() {
			return (this.requestsPerSecond > 0) ? this.inFlight / this.requestsPerSecond : 0;
		}

	}

}
