package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.perfwatch.profiles.format.SpanEvent;
import dev.perfwatch.profiles.format.WindowFiles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Profiles the service the way Cloud Profiler does: every period, one window that records CPU
 * time, allocations and wall-clock time together into one JFR file, with the span scopes of the
 * same moment when span events are on (profile-format's README describes the file). The file is
 * all a window costs: flame graphs are drawn from it by the {@code profiles} command, outside the
 * service. All of it runs on one daemon thread; a request thread never waits for it. Whatever goes
 * wrong with the profiler is logged once and ends profiling, never the service.
 */
public final class ContinuousProfiler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ContinuousProfiler.class);

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

	private final ProfilingProperties properties;

	private final String service;

	private final ProfilerLoader loader;

	private final ProfilingSchedule schedule;

	private final WindowRetention retention;

	private final Clock clock;

	private final SpanThreadFilter spanThreads;

	private final AllocationSampling allocationSampling;

	private volatile ScheduledThreadPoolExecutor scheduler;

	// Touched only on the scheduler thread.
	private NativeProfiler profiler;

	private String cpuEngine;

	private Instant recording;

	/**
	 * @param spanThreads keeps wall samples to the threads in spans when the schedule asks for it;
	 * {@code null} without span events
	 */
	ContinuousProfiler(ProfilingProperties properties, String service, ProfilerLoader loader, Clock clock,
			SpanThreadFilter spanThreads) {
		this.properties = properties;
		this.service = service;
		this.loader = loader;
		this.schedule = properties.schedule();
		this.retention = new WindowRetention(properties.keepWindows(), properties.keepFor());
		this.clock = clock;
		this.spanThreads = spanThreads;
		this.allocationSampling = AllocationSampling.ofThisJvm(this.schedule.allocInterval(),
				this.schedule.allocSamplesPerSecond());
	}

	// Resolved on use: with profiling off, a missing directory setting must not stop the service.
	private Path serviceDir() {
		return this.properties.dir().resolve(this.service);
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		String problem = this.properties.problem();
		if (problem != null) {
			logger.warn("Continuous profiling is off: " + problem);
			return;
		}
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "perfwatch-profiler");
			thread.setDaemon(true);
			return thread;
		});
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		this.scheduler = executor;
		executor.scheduleAtFixedRate(this::startWindow, 0, this.schedule.period().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledThreadPoolExecutor executor = this.scheduler;
		this.scheduler = null;
		if (executor == null) {
			return;
		}
		try {
			// Keep the window recorded so far rather than lose it with the process.
			executor.execute(this::finishWindow);
		}
		catch (RejectedExecutionException ex) {
			// Profiling had already given up: there is no window to finish.
		}
		executor.shutdown();
		try {
			executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	private void startWindow() {
		ScheduledThreadPoolExecutor executor = this.scheduler;
		if (this.recording != null || executor == null) {
			return;
		}
		try {
			if (this.profiler == null) {
				this.profiler = this.loader.load();
				this.cpuEngine = CpuSampling.choose(this.profiler, this.properties.cpuEngine());
				if (filtersWall()) {
					this.spanThreads.attach(this.profiler);
				}
				logger.info("Continuous profiling of " + this.service + " (" + this.properties.mode().name().toLowerCase()
						+ " mode): every " + this.schedule.period() + ", " + this.schedule.window() + " of cpu ("
						+ this.cpuEngine + "), alloc (up to " + this.schedule.allocSamplesPerSecond()
						+ " samples/s) and wall" + (filtersWall() ? " (of threads in spans)" : "")
						+ (this.properties.spanEvents() ? " with span scopes" : "")
						+ " into " + serviceDir().toAbsolutePath());
			}
			Files.createDirectories(serviceDir());
			Instant start = this.clock.instant();
			this.profiler.execute(startCommand(start));
			this.recording = start;
			executor.schedule(this::finishWindow, this.schedule.window().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			giveUp(ex);
		}
	}

	private boolean filtersWall() {
		return this.schedule.wallInSpansOnly() && this.spanThreads != null;
	}

	private String startCommand(Instant start) {
		return "start,jfr,"
				+ this.schedule.profilerOptions(this.cpuEngine, filtersWall(), this.allocationSampling.nextInterval())
				+ (this.properties.spanEvents() ? "," + SpanEvent.JFRSYNC_OPTION : "") + ",file="
				+ WindowFiles.recording(serviceDir(), start).toAbsolutePath();
	}

	private void finishWindow() {
		Instant start = this.recording;
		if (start == null) {
			return;
		}
		this.recording = null;
		try {
			this.profiler.execute("stop");
		}
		catch (IOException | RuntimeException ex) {
			giveUp(ex);
			return;
		}
		try {
			Files.move(WindowFiles.recording(serviceDir(), start), WindowFiles.window(serviceDir(), start),
					StandardCopyOption.ATOMIC_MOVE);
			this.retention.prune(serviceDir(), this.clock.instant());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Profile window " + WindowFiles.recording(serviceDir(), start) + " was not kept: " + ex);
		}
	}

	private void giveUp(Throwable failure) {
		logger.error("Continuous profiling of " + this.service + " stopped, the service runs on without it: " + failure);
		ScheduledThreadPoolExecutor executor = this.scheduler;
		if (executor != null) {
			executor.shutdown();
		}
	}

}
