package dev.perfwatch.profiles;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A traced service with a known shape: its server span burns CPU in {@link Burner#burn}, then a
 * child span waits in {@link Waiter#pause} without using CPU. A request with {@code slow=true}
 * also burns as long again in {@link SlowPath#burn}: what makes the slowest requests slow.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TracedApp {

	static final long BURN_NANOS = 30_000_000;

	static final long WAIT_MILLIS = 60;

	@RestController
	static class Work {

		private final Tracer tracer;

		Work(Tracer tracer) {
			this.tracer = tracer;
		}

		@GetMapping("/work")
		double work(@RequestParam(defaultValue = "false") boolean slow) throws InterruptedException {
			double result = Burner.burn(BURN_NANOS) + (slow ? SlowPath.burn(BURN_NANOS) : 0);
			Span child = this.tracer.nextSpan().name("waiting").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(child)) {
				Waiter.pause(WAIT_MILLIS);
			}
			finally {
				child.end();
			}
			return result;
		}

	}

	static final class Burner {

		static double burn(long nanos) {
			long end = System.nanoTime() + nanos;
			double result = 0;
			for (long i = 0; System.nanoTime() < end; i++) {
				result += Math.sqrt(i) * Math.sin(i);
			}
			return result;
		}

	}

	static final class SlowPath {

		static double burn(long nanos) {
			return Burner.burn(nanos);
		}

	}

	static final class Waiter {

		static void pause(long millis) throws InterruptedException {
			Thread.sleep(millis);
		}

	}

}
