package dev.perfwatch.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import one.profiler.AsyncProfiler;

/**
 * A real recording made the way the services make theirs (cpu, alloc and wall in one JFR), of
 * this JVM spinning in {@link HotLoop#spin} and allocating in {@link Allocator#fill}, and, for a
 * changed build, also spinning in {@link ExtraWork#spin}.
 */
final class SampleRecording {

	private SampleRecording() {
	}

	static Path record(Path file, Duration length) throws IOException {
		return record(file, length, false);
	}

	static Path record(Path file, Duration length, boolean withExtraWork) throws IOException {
		AsyncProfiler profiler = AsyncProfiler.getInstance(extractLibrary().toString());
		profiler.execute("start,jfr,event=itimer,interval=1ms,alloc=64k,wall=20ms,file=" + file);
		Instant end = Instant.now().plus(length);
		double sink = 0;
		while (Instant.now().isBefore(end)) {
			sink += HotLoop.spin(200_000) + Allocator.fill(1_000).size() + (withExtraWork ? ExtraWork.spin(400_000) : 0);
		}
		profiler.execute("stop");
		if (sink == 0) {
			throw new IllegalStateException("the load did no work");
		}
		return file;
	}

	private static Path extractLibrary() throws IOException {
		try (InputStream in = AsyncProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
			Path library = Files.createTempFile("libasyncProfiler-", ".so");
			library.toFile().deleteOnExit();
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
			return library;
		}
	}

	static final class HotLoop {

		static double spin(int rounds) {
			double result = 0;
			for (int i = 0; i < rounds; i++) {
				result += Math.sqrt(i) * Math.sin(i);
			}
			return result;
		}

	}

	static final class ExtraWork {

		static double spin(int rounds) {
			double result = 0;
			for (int i = 0; i < rounds; i++) {
				result += Math.cbrt(i) * Math.cos(i);
			}
			return result;
		}

	}

	static final class Allocator {

		static List<String> fill(int size) {
			List<String> items = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				items.add(("item-" + i).repeat(8));
			}
			return items;
		}

	}

}
