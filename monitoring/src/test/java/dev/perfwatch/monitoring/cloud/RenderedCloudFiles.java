package dev.perfwatch.monitoring.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * monitoring/cloud as deploy/apply-monitoring.sh sends it: the script itself substitutes the
 * placeholders ({@code --render-to}), so the tests check exactly the bytes the API would get.
 */
final class RenderedCloudFiles {

	static final String PROJECT_ID = "perfwatch-test-123";

	private final Path root;

	private RenderedCloudFiles(Path root) {
		this.root = root;
	}

	static RenderedCloudFiles renderInto(Path directory) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("bash", "../deploy/apply-monitoring.sh", "--project", PROJECT_ID,
				"--render-to", directory.toString())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("apply-monitoring.sh --render-to did not finish in 60 s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("apply-monitoring.sh --render-to failed:\n" + output);
		}
		return new RenderedCloudFiles(directory);
	}

	Path root() {
		return this.root;
	}

	List<Path> files(String subdirectory) {
		try (Stream<Path> files = Files.list(this.root.resolve(subdirectory))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Parses with Google's JSON mapping; an unknown field is an error, as it is for the API. */
	static <B extends Message.Builder> B parse(Path file, B builder) {
		try {
			JsonFormat.parser().merge(Files.readString(file), builder);
			return builder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot parse " + file, ex);
		}
	}

	static String fileName(Path file) {
		return file.getFileName().toString().replaceFirst("\\.json$", "");
	}

}
