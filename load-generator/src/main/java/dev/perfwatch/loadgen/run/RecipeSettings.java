package dev.perfwatch.loadgen.run;

import java.time.Duration;

/** The recipe's load pattern: a number of submissions, a worker pool, a random pause between them. */
public record RecipeSettings(int requests, int workers, Duration minPause, Duration maxPause) {

	/** The recipe's numbers: 150 requests, 15 workers, 0.1 to 0.5 s between submissions. */
	public static final RecipeSettings DEFAULT = new RecipeSettings(150, 15, Duration.ofMillis(100),
			Duration.ofMillis(500));

}
