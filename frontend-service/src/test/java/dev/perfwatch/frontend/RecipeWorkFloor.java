package dev.perfwatch.frontend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * The frontend's share of the recipe's work with none of the plumbing: the service's own loop,
 * called on one thread, timed in CPU time. {@code bench/floor.sh} runs it; the argument is how many
 * calls to time after as many to warm up.
 */
final class RecipeWorkFloor {

	private RecipeWorkFloor() {
	}

	public static void main(String[] args) {
		int calls = Integer.parseInt(args[0]);
		RandomComputation loop = new RandomComputation(new FrontendProperties("unused", Duration.ZERO, 100_000));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double sink = 0;
		for (int i = 0; i < calls; i++) {
			sink += loop.compute();
		}
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < calls; i++) {
			sink += loop.compute();
		}
		double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / calls;
		System.out.printf(Locale.ROOT, "floor frontend loop %.4f ms%n", millis);
		System.err.println("(result " + sink + ")");
	}

}
