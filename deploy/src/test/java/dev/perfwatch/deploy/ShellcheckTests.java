package dev.perfwatch.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * shellcheck (the Debian package) over every shell script in the repository: each {@code *.sh},
 * {@code .ci/run} and the deploy tests' fakes. CI installs it with apt; a missing binary fails the
 * test with the install command instead of skipping it.
 */
class ShellcheckTests {

	/** Build output and git's own files: nothing there is ours to check. */
	private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git");

	@Test
	void everyShellScriptInTheRepositoryIsShellcheckClean() throws Exception {
		// As CI and a reviewer run it: from the repository root, all scripts in one call, no extra
		// flags. deploy/.shellcheckrc lets deploy/*.sh follow "source lib.sh"; bench/*.sh name
		// "# shellcheck source=bench/lib.sh", a path relative to the repository root, which is
		// the working directory here, and bench/lib.sh is among the inputs.
		Path root = FakeCloud.DEPLOY_DIR.getParent();
		List<String> scripts = new ArrayList<>(shellScripts(root));
		scripts.add(".ci/run");
		try (Stream<Path> fakes = Files.list(FakeCloud.DEPLOY_DIR.resolve("src/test/resources/fake-bin"))) {
			fakes.sorted().map((path) -> relative(root, path)).forEach(scripts::add);
		}
		assertThat(scripts).contains("deploy/lib.sh", "deploy/cleanup.sh", "bench/lib.sh", "bench/suite.sh",
				"run-local.sh", "monitoring/leak-demo.sh", ".ci/run", "deploy/src/test/resources/fake-bin/gcloud");
		assertThat(scripts).noneMatch((script) -> script.startsWith("target/") || script.contains("/target/"));

		List<String> command = new ArrayList<>(List.of(shellcheck().toString()));
		command.addAll(scripts);
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

	@Test
	void everyScriptButTheSourcedLibrariesIsExecutable() throws Exception {
		// Scripts call each other directly (bench/suite.sh runs bench/floor.sh): one left without
		// its mode bit fails only when that path runs.
		Path root = FakeCloud.DEPLOY_DIR.getParent();
		assertThat(shellScripts(root)).filteredOn((script) -> !script.endsWith("lib.sh"))
			.isNotEmpty()
			.allSatisfy((script) -> assertThat(Files.isExecutable(root.resolve(script))).as(script + " is executable")
				.isTrue());
	}

	/** Every {@code *.sh} under the root, relative to it and sorted, skipping target/ and .git/. */
	private static List<String> shellScripts(Path root) throws IOException {
		List<String> scripts = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName())) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".sh")) {
					scripts.add(relative(root, file));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		scripts.sort(null);
		return scripts;
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace(File.separatorChar, '/');
	}

	private static Path shellcheck() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "shellcheck"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"shellcheck not found on PATH. Install it with: sudo apt-get install shellcheck"));
	}

}
