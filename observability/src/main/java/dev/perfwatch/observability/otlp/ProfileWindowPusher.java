package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.perfwatch.profiles.format.WindowFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Watches the service's profiles directory on its own daemon thread and pushes each window that
 * appears there once. It depends on the profiler only through the file layout,
 * {@code <dir>/<application>/<UTC timestamp>.jfr} (profile-format's README), written under its final name only once
 * complete. A window whose push fails is dropped and counted
 * ({@code perfwatch.profiles.push{result=dropped}}), never retried into a backlog, and nothing
 * here can fail a request or the service.
 */
final class ProfileWindowPusher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ProfileWindowPusher.class);

	private final ProfilePushProperties properties;

	private final PyroscopeIngest ingest;

	private final Counter pushed;

	private final Counter dropped;

	private final Clock clock;

	private ScheduledExecutorService executor;

	/**
	 * Timestamp of the last window handled; windows up to it are done. Only the pusher's thread
	 * touches it.
	 */
	private Instant last;

	ProfileWindowPusher(ProfilePushProperties properties, PyroscopeIngest ingest, MeterRegistry meterRegistry,
			Clock clock) {
		this.properties = properties;
		this.ingest = ingest;
		this.clock = clock;
		this.pushed = counter(meterRegistry, "pushed");
		this.dropped = counter(meterRegistry, "dropped");
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder("perfwatch.profiles.push")
			.description("Profile windows pushed to the profiles backend, or dropped when the push failed")
			.tag("result", result)
			.register(registry);
	}

	@Override
	public synchronized void start() {
		// Windows left by an earlier run stay local. A minute back covers the profiler's first window,
		// which may have started a little before this.
		this.last = this.clock.instant().minusSeconds(60);
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "profile-push");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.interval().toMillis();
		this.executor.scheduleWithFixedDelay(this::pushNewWindows, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * One look at the directory. Catches everything: an exception would end the schedule.
	 */
	void pushNewWindows() {
		try {
			newWindows().forEach(this::push);
		}
		catch (Exception ex) {
			logger.warn("Cannot look for profile windows in " + serviceDir() + ": " + ex);
		}
	}

	/**
	 * The complete windows not yet handled, oldest first, as profile-format names them.
	 */
	private Map<Instant, Path> newWindows() throws IOException {
		Map<Instant, Path> windows = new TreeMap<>();
		for (Path window : WindowFiles.complete(serviceDir())) {
			Instant start = WindowFiles.startOf(window);
			if (start.isAfter(this.last)) {
				windows.put(start, window);
			}
		}
		return windows;
	}

	private void push(Instant from, Path file) {
		this.last = from;
		try {
			Instant until = Files.getLastModifiedTime(file).toInstant();
			this.ingest.push(Files.readAllBytes(file), from, until);
			this.pushed.increment();
		}
		catch (IOException | RuntimeException ex) {
			this.dropped.increment();
			logger.warn("Profile window " + file + " not pushed: " + ex);
		}
	}

	private Path serviceDir() {
		return this.properties.dir().resolve(this.properties.application());
	}

}
