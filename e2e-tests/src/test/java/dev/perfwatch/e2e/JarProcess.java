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
 * One executable jar run as a separate JVM, with its output in a log file, considered started once
 * its readiness URL answers 200.
 */
final class JarProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final Path jar;

	private final List<String> args;

	private final Map<String, String> env;

	private final URI readiness;

	private final Path log;

	private Process process;

	JarProcess(String name, Path jar, List<String> args, Map<String, String> env, URI readiness, Path logDir) {
		this.name = name;
		this.jar = jar;
		this.args = args;
		this.env = env;
		this.readiness = readiness;
		this.log = logDir.resolve(name + ".log");
	}

	/**
	 * Launches the JVM without waiting, so several can boot side by side.
	 */
	JarProcess launch() {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing: build it first with ./mvnw package");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar",
				this.jar.toString()));
		command.addAll(this.args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
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
