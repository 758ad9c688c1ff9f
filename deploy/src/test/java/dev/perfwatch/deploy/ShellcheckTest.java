package dev.perfwatch.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** shellcheck (the Debian package) over the scripts and the fakes; CI installs it with apt. */
class ShellcheckTest {

	@Test
	void deployScriptsAndFakesAreShellcheckClean() throws Exception {
		List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--shell=bash"));
		try (Stream<Path> scripts = Files.list(FakeCloud.DEPLOY_DIR)) {
			scripts.filter((path) -> path.toString().endsWith(".sh")).sorted().map(Path::toString).forEach(command::add);
		}
		try (Stream<Path> fakes = Files.list(FakeCloud.DEPLOY_DIR.resolve("src/test/resources/fake-bin"))) {
			fakes.sorted().map(Path::toString).forEach(command::add);
		}
		assertThat(command).hasSizeGreaterThan(3 + FakeCloud.SCRIPTS.size());

		Path report = Files.createTempFile("shellcheck", ".txt");
		Process process = new ProcessBuilder(command).directory(FakeCloud.DEPLOY_DIR.toFile())
			.redirectErrorStream(true)
			.redirectOutput(report.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("shellcheck finished").isTrue();
		String output = Files.readString(report);
		Files.delete(report);

		assertThat(process.exitValue()).as(output).isZero();
	}

}
