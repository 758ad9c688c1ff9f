package dev.perfwatch.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every gcloud command line the scripts print in a dry run (deploy.sh also with its tagged,
 * no-traffic flags), every gcloud line of cloudbuild.yaml and every gcloud line of the regression
 * gate's section in docs/cloud-run.md, fed to the real gcloud CLI with an empty configuration and
 * home (and cloudbuild.yaml itself to {@code gcloud builds submit}, which checks it against the
 * build schema first): a bad flag or key exits 2 ("unrecognized arguments") or names
 * the key it does not recognize; a valid line gets as far as "no active account", or succeeds
 * when it needs none ({@code config set}). Skipped where gcloud is not installed.
 */
class GcloudParserTests {

	@TempDir
	Path dir;

	@Test
	void realGcloudAcceptsEveryPrintedCommand() throws Exception {
		Path gcloud = onPath("gcloud");
		Assumptions.assumeTrue(gcloud != null, "the real gcloud CLI is not on PATH: its parser check is skipped");

		Set<String> lines = new LinkedHashSet<>();
		for (String script : FakeCloud.SCRIPTS) {
			ScriptRun run = new FakeCloud(Files.createDirectories(this.dir.resolve(script)))
				.run(script, "--project", FakeCloud.PROJECT, "--dry-run");
			assertThat(run.exitCode()).as(run.toString()).isZero();
			dryRunLines(run).forEach(lines::add);
		}
		ScriptRun tagged = new FakeCloud(Files.createDirectories(this.dir.resolve("deploy-tagged")))
			.run("deploy.sh", "--project", FakeCloud.PROJECT, "--dry-run", "--tag", "rev-abc1234", "--no-traffic");
		assertThat(tagged.exitCode()).as(tagged.toString()).isZero();
		dryRunLines(tagged).forEach(lines::add);
		List<String> cloudBuild = new CloudBuildFile().gcloudLines()
			.stream()
			.map(GcloudParserTests::oneServiceForAll)
			.toList();
		List<String> docs = GateDocs.gcloudLines()
			.stream()
			.map(GcloudParserTests::oneServiceForAll)
			.toList();
		lines.addAll(cloudBuild);
		lines.addAll(docs);
		// gcloud reads a build config and checks it against Cloud Build's schema (an unknown or
		// misplaced field is "unused") before it asks for credentials.
		lines.add("builds submit --no-source --project=" + FakeCloud.PROJECT + " --config=" + CloudBuildFile.PATH);
		// Per-service sizes (other --cpu, --memory and --min-instances values) from a --sizing file.
		ScriptRun sized = new FakeCloud(Files.createDirectories(this.dir.resolve("deploy-sized")))
			.run("deploy.sh", "--project", FakeCloud.PROJECT, "--dry-run", "--sizing",
					DeployScriptTests.sizingFile().toString());
		assertThat(sized.exitCode()).as(sized.toString()).isZero();
		sized.stdout()
			.lines()
			.filter((line) -> line.startsWith("[dry-run] gcloud run deploy "))
			.map((line) -> line.substring("[dry-run] gcloud ".length()))
			.forEach(lines::add);
		assertThat(lines).anyMatch((line) -> line.startsWith("run deploy "))
			.anyMatch((line) -> line.startsWith("run deploy ") && line.contains("--no-traffic"))
			.anyMatch((line) -> line.startsWith("logging read "));
		assertThat(cloudBuild).anyMatch((line) -> line.startsWith("'run' 'services' 'update-traffic' 'data-service' "))
			.anyMatch((line) -> line.startsWith("'storage' 'cp' "))
			.anyMatch((line) -> line.startsWith("storage cp /workspace/candidate.json "));
		assertThat(docs).anyMatch((line) -> line.startsWith("builds triggers create github "));

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> verdicts = new ArrayList<>();
			for (String line : lines) {
				verdicts.add(pool.submit(() -> parse(gcloud, line)));
			}
			List<String> rejected = new ArrayList<>();
			for (Future<String> verdict : verdicts) {
				String problem = verdict.get(60, TimeUnit.SECONDS);
				if (problem != null) {
					rejected.add(problem);
				}
			}
			assertThat(rejected).as("gcloud lines the real parser rejects").isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<String> dryRunLines(ScriptRun run) {
		return run.stdout()
			.lines()
			.filter((line) -> line.startsWith("[dry-run] gcloud "))
			.map((line) -> line.substring("[dry-run] gcloud ".length()))
			.map(GcloudParserTests::oneServiceForAll)
			.toList();
	}

	/**
	 * The four services' lines differ only in names; one of each shape keeps the check to seconds.
	 */
	private static String oneServiceForAll(String line) {
		return line.replaceAll("\\b(frontend|api-gateway|auth)-service\\b", "data-service")
			.replaceAll("\\bperfwatch-(frontend|api-gateway|auth)\\b", "perfwatch-data")
			.replaceAll("<(frontend|api-gateway|auth)-service-url>", "<data-service-url>");
	}

	/** {@code null} when gcloud accepts the line, otherwise the line and what gcloud said. */
	private String parse(Path gcloud, String line) throws IOException, InterruptedException {
		Path config = Files.createTempDirectory(this.dir, "gcloud-config");
		// The line is printed shell-quoted (pw_quote): bash undoes the quoting, nothing else.
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec \"$GCLOUD\" " + line)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true);
		builder.environment().put("GCLOUD", gcloud.toString());
		builder.environment().put("CLOUDSDK_CONFIG", config.toString());
		builder.environment().put("HOME", config.toString());
		builder.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return line + ": gcloud did not finish";
		}
		int exit = process.exitValue();
		boolean accepted = exit == 0 || (exit == 1 && output.contains("do not currently have an active account"));
		return accepted ? null : line + ": exit " + exit + ": " + output.strip();
	}

	private static Path onPath(String program) {
		for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
			Path candidate = Path.of(entry, program);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
