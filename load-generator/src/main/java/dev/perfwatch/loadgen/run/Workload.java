package dev.perfwatch.loadgen.run;

import java.time.Duration;

/**
 * A way of issuing requests: the recipe's paced submissions, a closed loop, or an open arrival
 * rate. It decides when each request is due; the {@link Dispatcher} starts it.
 */
public sealed interface Workload permits RecipeModel, ClosedModel, OpenModel {

	/** Most requests in flight at once: the connection count. */
	int maxInFlight();

	/** Number of measured phases (rate steps); 1 for everything but a stepped open model. */
	default int steps() {
		return 1;
	}

	/**
	 * Issues the whole workload, blocking until nothing more is to be issued. Implementations
	 * call {@link RunRecorder#measureFrom} once the warmup, if any, is planned.
	 */
	void issue(Dispatcher dispatcher, RunRecorder recorder) throws InterruptedException;

	/** Bound on waiting for the requests still in flight once issuing is over. */
	default Duration drainTimeout(Duration requestTimeout) {
		return requestTimeout.plusSeconds(1);
	}

}
