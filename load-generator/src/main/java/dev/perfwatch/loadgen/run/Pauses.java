package dev.perfwatch.loadgen.run;

import java.time.Duration;

/** Waits between the recipe's submissions; tests swap in one that only remembers the pauses. */
@FunctionalInterface
public interface Pauses {

	Pauses SLEEP = (pause) -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);

	void pause(Duration pause) throws InterruptedException;

}
