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
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toString()));
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

	void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			if (answersOk()) {
				return;
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + "; see " + this.log);
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

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
