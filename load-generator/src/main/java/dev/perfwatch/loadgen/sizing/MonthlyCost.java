package dev.perfwatch.loadgen.sizing;

/**
 * What one service costs in a month of steady load, under both billing settings, before free
 * tiers and discounts (the free tier is per billing account, shared with everything else on it).
 *
 * <p>
 * Instance-based billing charges every second of every running instance. Request-based billing
 * charges an instance only while it has at least one request in flight, plus a fee per request.
 * With requests arriving at random (Poisson) and spread evenly over the instances, an instance
 * with a mean of L requests in flight is idle a share e^-L of the time, and becomes busy λ·e^-L
 * times a second (λ its request rate). The low figure bills exactly the busy time; the high one
 * also rounds every busy period up by a full 100 ms, Cloud Run's billing granularity. Both are
 * capped at the instances' whole lifetime. Idle minimum instances, billed at a lower idle rate
 * under request-based billing, are left out.
 *
 * @param requestBasedLow US dollars a month, request-based billing, busy time not rounded
 * @param requestBasedHigh the same with every busy period rounded up by 100 ms
 * @param instanceBased US dollars a month, instance-based billing
 */
record MonthlyCost(double requestBasedLow, double requestBasedHigh, double instanceBased) {

	static final double BILLING_GRANULARITY_SECONDS = 0.1;

	static final double SECONDS_PER_MONTH = CloudRunLimits.HOURS_PER_MONTH * 3600;

	/**
	 * @param ratePerSecond requests this service serves at the target rate
	 * @param meanLatencySeconds mean time a request spends in this service
	 * @param instances instances running at the target rate
	 */
	static MonthlyCost of(Pricing pricing, int cpus, int memoryMib, double ratePerSecond, double meanLatencySeconds,
			int instances) {
		double gib = memoryMib / 1024.0;
		double instanceBased = instances * SECONDS_PER_MONTH
				* (cpus * pricing.instanceBased().vcpuSecond() + gib * pricing.instanceBased().gibSecond());
		double ratePerInstance = ratePerSecond / instances;
		double idleShare = Math.exp(-ratePerInstance * meanLatencySeconds);
		double busyShare = 1 - idleShare;
		double roundedBusyShare = Math.min(1, busyShare + ratePerInstance * idleShare * BILLING_GRANULARITY_SECONDS);
		double perInstanceMonth = SECONDS_PER_MONTH
				* (cpus * pricing.requestBased().vcpuSecond() + gib * pricing.requestBased().gibSecond());
		double requestFee = ratePerSecond * SECONDS_PER_MONTH / 1e6 * pricing.requestBased().perMillionRequests();
		return new MonthlyCost(cents(instances * busyShare * perInstanceMonth + requestFee),
				cents(instances * roundedBusyShare * perInstanceMonth + requestFee), cents(instanceBased));
	}

	MonthlyCost plus(MonthlyCost other) {
		return new MonthlyCost(cents(this.requestBasedLow + other.requestBasedLow),
				cents(this.requestBasedHigh + other.requestBasedHigh), cents(this.instanceBased + other.instanceBased));
	}

	static MonthlyCost zero() {
		return new MonthlyCost(0, 0, 0);
	}

	/** Which billing setting is cheaper, as the report says it. */
	String cheaper() {
		if (this.instanceBased < this.requestBasedLow) {
			return "instance-based";
		}
		if (this.instanceBased > this.requestBasedHigh) {
			return "request-based";
		}
		return "either: instance-based lies inside the request-based range";
	}

	private static double cents(double dollars) {
		return Math.round(dollars * 100) / 100.0;
	}

}
