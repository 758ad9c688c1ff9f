package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Picks how CPU time is sampled: perf events ({@code cpu}) where the kernel allows them, else a
 * CPU timer. Containers often forbid {@code perf_event_open}; {@code ctimer} and {@code itimer}
 * need no permission and still see Java frames.
 */
final class CpuSampling {

	private static final Log logger = LogFactory.getLog(CpuSampling.class);

	static final List<String> ENGINES = List.of("cpu", "ctimer", "itimer");

	private CpuSampling() {
	}

	/**
	 * @param preferred the engine to try first, {@code null} for the order of {@link #ENGINES}
	 * @return the first engine the profiler accepts here
	 * @throws IOException when none works
	 */
	static String choose(NativeProfiler profiler, String preferred) throws IOException {
		List<String> engines = new ArrayList<>(ENGINES);
		if (preferred != null && engines.remove(preferred)) {
			engines.add(0, preferred);
		}
		String firstRefusal = null;
		for (String engine : engines) {
			String refusal = refusal(profiler, engine);
			if (refusal == null) {
				if (firstRefusal != null) {
					logger.warn("CPU sampling is refused here (" + firstRefusal + "); CPU profiles are sampled with "
							+ engine + " instead");
				}
				return engine;
			}
			if (firstRefusal == null) {
				firstRefusal = refusal;
			}
		}
		throw new IOException("no CPU sampling works here: " + firstRefusal);
	}

	private static String refusal(NativeProfiler profiler, String engine) {
		try {
			String answer = profiler.execute("check,event=" + engine).strip();
			return answer.startsWith("OK") ? null : engine + ": " + answer;
		}
		catch (IOException | RuntimeException ex) {
			return engine + ": " + ex.getMessage();
		}
	}

}
