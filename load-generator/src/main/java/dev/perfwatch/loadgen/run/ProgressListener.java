package dev.perfwatch.loadgen.run;

/** Told about each sampling interval while a run goes on, on the sampler thread. */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (elapsedSeconds, interval, counts) -> {
	};

	void onInterval(double elapsedSeconds, IntervalStats interval, RunRecorder.Counts counts);

	/** Called once after the last interval. */
	default void finished() {
	}

}
