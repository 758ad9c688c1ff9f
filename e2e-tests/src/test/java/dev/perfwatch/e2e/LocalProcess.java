package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A program run as a separate process, with its output in a log file, considered started once its
 * readiness URL answers 200.
 */
final class LocalProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final List<String> command;

	private final Map<String, String> env;

	private final URI readiness;

	private final Path log;

	private Process process;

	LocalProcess(String name, List<String> command, Map<String, String> env, URI readiness, Path logDir) {
		this.name = name;
		this.command = command;
		this.env = env;
		this.readiness = readiness;
		this.log = logDir.resolve(name + ".log");
	}

	/**
	 * An executable jar, run by the JVM that runs the tests, tuned to start fast.
	 */
	static LocalProcess jar(String name, Path jar, List<String> args, Map<String, String> env, URI readiness,
			Path logDir) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first with ./mvnw package");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		// Serial, as the services run everywhere else (scripts/lib.sh, the image).
		List<String> command = new ArrayList<>(
				List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
		command.addAll(args);
		return new LocalProcess(name, command, env, readiness, logDir);
	}

	/**
	 * Starts the process without waiting, so several can boot side by side.
	 */
	LocalProcess launch() {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.env);
		try {
			Files.createDirectories(this.log.getParent());
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
		return this;
	}

	/**
	 * Waits for the readiness URL to answer 200, failing at once with the log's path if the process
	 * exits meanwhile.
	 */
	void awaitReady(Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(200))
				.pollInSameThread()
				.until(this::readyWhileAlive);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(this.name + " was not ready within " + timeout + "; see " + this.log);
		}
	}

	Path log() {
		return this.log;
	}

	/**
	 * Sends the process a signal, {@code STOP} to freeze it as a hung neighbour would be (the
	 * kernel still accepts its connections) and {@code CONT} to let it go on.
	 */
	void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(this.process.pid())).start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.name + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean readyWhileAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
		}
		return answersOk();
	}

	private boolean answersOk() {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.readiness).timeout(Duration.ofSeconds(1)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
