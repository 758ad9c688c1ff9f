package dev.perfwatch.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the deploy scripts with a fake {@code gcloud}, Maven wrapper, {@code java} and a logging
 * {@code curl} first on PATH. The fakes log every call and keep the cloud resources they "created"
 * in a state file, so tests can check both what the scripts asked for and what would be left behind.
 */
final class FakeCloud {

	static final String PROJECT = "perfwatch-test-1";

	static final List<String> SCRIPTS = List.of("setup.sh", "deploy.sh", "load.sh", "verify.sh", "cleanup.sh",
			"apply-monitoring.sh");

	static final Path DEPLOY_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	private static final List<String> FAKES = List.of("gcloud", "mvnw", "java", "curl");

	/** Settings the scripts read from the environment: a developer's own values must not leak in. */
	private static final List<String> SCRIPT_SETTINGS = List.of("PROJECT_ID", "REGION", "REPO", "SA_PREFIX",
			"VERSION", "MEMORY", "CONCURRENCY", "MAX_INSTANCES", "MVNW", "LOAD_JAR", "JAVA", "BILLING_ACCOUNT",
			"SINCE_MINUTES", "TRACE_API_BASE", "PROFILER_API_BASE", "MONITORING_API_BASE", "NOTIFICATION_CHANNELS");

	private static final long TIMEOUT_SECONDS = 60;

	private final Path dir;

	private final Path bin;

	private final Path callLog;

	private final Path state;

	private final Map<String, String> env = new HashMap<>();

	FakeCloud(Path dir) throws IOException {
		this.dir = dir;
		this.bin = Files.createDirectories(dir.resolve("bin"));
		this.callLog = dir.resolve("calls.log");
		this.state = dir.resolve("cloud.state");
		Files.createFile(this.callLog);
		Files.createFile(this.state);
		for (String fake : FAKES) {
			Path target = this.bin.resolve(fake);
			try (InputStream in = FakeCloud.class.getResourceAsStream("/fake-bin/" + fake)) {
				Files.copy(in, target);
			}
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		this.env.put("FAKE_CALL_LOG", this.callLog.toString());
		this.env.put("FAKE_GCLOUD_STATE", this.state.toString());
		this.env.put("MVNW", this.bin.resolve("mvnw").toString());
	}

	FakeCloud withEnv(String name, String value) {
		this.env.put(name, value);
		return this;
	}

	FakeCloud loggedOut() {
		return withEnv("FAKE_GCLOUD_ACCOUNT", "");
	}

	/** Runs {@code deploy/<script>} with the fakes first on PATH. */
	ScriptRun run(String script, String... args) throws IOException, InterruptedException {
		return runWithPath(this.bin + File.pathSeparator + System.getenv("PATH"), script, args);
	}

	/** Runs {@code deploy/<script>} with exactly this PATH (bash itself is found on the test's own PATH). */
	ScriptRun runWithPath(String path, String script, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(bash(), DEPLOY_DIR.resolve(script).toString()));
		command.addAll(List.of(args));
		Path stdout = Files.createTempFile(this.dir, "stdout", ".txt");
		Path stderr = Files.createTempFile(this.dir, "stderr", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		Map<String, String> environment = builder.environment();
		SCRIPT_SETTINGS.forEach(environment::remove);
		environment.keySet().removeIf((name) -> name.startsWith("FAKE_"));
		environment.putAll(this.env);
		environment.put("PATH", path);
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(script + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		return new ScriptRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
	}

	List<Call> calls() throws IOException {
		try (Stream<String> lines = Files.lines(this.callLog)) {
			return lines.map(Call::parse).toList();
		}
	}

	List<Call> calls(String program, String... words) throws IOException {
		return calls().stream().filter((call) -> call.is(program, words)).toList();
	}

	/** Index of the first matching call in the log, or -1. */
	int indexOf(String program, String... words) throws IOException {
		List<Call> calls = calls();
		for (int i = 0; i < calls.size(); i++) {
			if (calls.get(i).is(program, words)) {
				return i;
			}
		}
		return -1;
	}

	/** The resources the fake cloud holds, one line each (e.g. {@code service us-central1 data-service}). */
	List<String> state() throws IOException {
		return Files.readAllLines(this.state);
	}

	void givenState(String... lines) throws IOException {
		Files.write(this.state, List.of(lines), StandardOpenOption.APPEND);
	}

	void clearCalls() throws IOException {
		Files.writeString(this.callLog, "");
	}

	private static String bash() {
		for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
			Path candidate = Path.of(entry, "bash");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException("bash not found on PATH");
	}

}
