package dev.perfwatch.observability.profiling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in service with one CPU hotspot and one allocation hotspot, for the profiler to find.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProfiledApp {

	@RestController
	static class Work {

		@GetMapping("/spin")
		double spin() {
			return CpuBurner.burn(3_000_000);
		}

		@GetMapping("/allocate")
		int allocate() {
			return ListBuilder.build(2_000).size();
		}

	}

	static final class CpuBurner {

		static double burn(int rounds) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			double result = 0;
			for (int i = 0; i < rounds; i++) {
				result += Math.sqrt(i * random.nextDouble());
			}
			return result;
		}

	}

	static final class ListBuilder {

		static List<String> build(int size) {
			List<String> items = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				items.add(("item-" + i).repeat(10));
			}
			return items;
		}

	}

}
