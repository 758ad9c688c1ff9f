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
		// As CI and a reviewer run it: from the repository root, on deploy/*.sh, no extra flags
		// (deploy/.shellcheckrc lets it follow "source lib.sh").
		Path root = FakeCloud.DEPLOY_DIR.getParent();
		List<String> command = new ArrayList<>(List.of("shellcheck"));
		try (Stream<Path> scripts = Files.list(FakeCloud.DEPLOY_DIR)) {
			scripts.filter((path) -> path.toString().endsWith(".sh")).sorted()
				.map((path) -> root.relativize(path).toString()).forEach(command::add);
		}
		try (Stream<Path> fakes = Files.list(FakeCloud.DEPLOY_DIR.resolve("src/test/resources/fake-bin"))) {
			fakes.sorted().map((path) -> root.relativize(path).toString()).forEach(command::add);
		}
		assertThat(command).contains("deploy/lib.sh", "deploy/cleanup.sh", "deploy/src/test/resources/fake-bin/gcloud");

		Path report = Files.createTempFile("shellcheck", ".txt");
		Process process = new ProcessBuilder(command).directory(root.toFile())
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
