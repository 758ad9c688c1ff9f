package dev.perfwatch.frontend;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * The recipe's CPU hotspot: {@code result += i * random()} for a fixed number of rounds. It exists
 * to be seen in CPU flame graphs, so it stays a plain loop.
 */
@Component
class RandomComputation {

	private final int iterations;

	RandomComputation(FrontendProperties properties) {
		this.iterations = properties.iterations();
	}

	double compute() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double result = 0;
		for (int i = 0; i < this.iterations; i++) {
			result += i * random.nextDouble();
		}
		return result;
	}

}
