package dev.perfwatch.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Prometheus's own {@code promtool}, from the Debian package {@code prometheus}. A missing
 * binary fails the test with the install command instead of skipping it.
 */
public final class Promtool {

	private static final long TIMEOUT_SECONDS = 60;

	private Promtool() {
	}

	/** @param args the promtool arguments, for example {@code check rules FILE} */
	public static Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(binary().toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool " + String.join(" ", args) + " ran longer than "
					+ TIMEOUT_SECONDS + " s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.exitValue(), output);
	}

	private static Path binary() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(java.io.File.pathSeparator))
			.map((dir) -> Path.of(dir, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"promtool not found on PATH. Install it with: sudo apt-get install prometheus"));
	}

	public record Result(int exitCode, String output) {

		public boolean succeeded() {
			return this.exitCode == 0;
		}

	}

}
