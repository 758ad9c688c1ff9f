package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import one.profiler.AsyncProfiler;

/**
 * Loads async-profiler's native library: a configured file, or else the one for this platform
 * inside the async-profiler jar, copied to a temporary file because a library cannot be loaded
 * from inside a jar.
 */
final class AsyncProfilerLibrary implements ProfilerLoader {

	private final Path configured;

	AsyncProfilerLibrary(Path configured) {
		this.configured = configured;
	}

	@Override
	public NativeProfiler load() throws IOException {
		Path library = (this.configured != null) ? this.configured : extractBundled();
		if (!Files.isRegularFile(library) || !Files.isReadable(library)) {
			// async-profiler keeps one instance per JVM; checking first gives a clear message
			// even when an earlier load in this JVM succeeded.
			throw new IOException("cannot read the async-profiler library " + library);
		}
		AsyncProfiler profiler = AsyncProfiler.getInstance(library.toString());
		return new NativeProfiler() {

			@Override
			public String execute(String command) throws IOException {
				return profiler.execute(command);
			}

			@Override
			public void sampleWallOfCurrentThread(boolean sampled) {
				if (sampled) {
					profiler.addThread(null);
				}
				else {
					profiler.removeThread(null);
				}
			}

		};
	}

	private static Path extractBundled() throws IOException {
		String resource = "/" + platformDirectory() + "/libasyncProfiler.so";
		try (InputStream in = AsyncProfiler.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("the async-profiler jar has no " + resource);
			}
			Path library = Files.createTempFile("libasyncProfiler-", ".so");
			library.toFile().deleteOnExit();
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
			return library;
		}
	}

	private static String platformDirectory() throws IOException {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		if (os.contains("mac")) {
			return "macos";
		}
		if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
			return "linux-x64";
		}
		if (os.contains("linux") && arch.equals("aarch64")) {
			return "linux-arm64";
		}
		throw new IOException("async-profiler has no library for " + os + "/" + arch);
	}

}
