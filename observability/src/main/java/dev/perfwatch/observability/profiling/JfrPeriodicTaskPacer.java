package dev.perfwatch.observability.profiling;

import java.time.Duration;

import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps the JDK's "JFR Periodic Tasks" thread asleep between windows on Java 17 to 20. Once a
 * window's span events have started JFR, that thread wakes every 10 ms whenever no running
 * recording enables a periodic event (JDK-8302821, fixed in Java 21): 98 wake-ups a second per
 * service here, about 3 ms of CPU a second each at idle and more under load, which made span events
 * cost several times the profiler's own windows. From the end of the first window on, this keeps a
 * recording in memory that enables one periodic event of its own, due once an hour, whose hook
 * emits nothing; the thread then wakes about once a second. (A running recording without it does
 * not do: measured.) It runs through the windows rather than stopping for each: stopped and
 * restarted around every window, it made JFR lose the long strings of the windows' span events
 * (span names read back as N/A). Capped at one chunk, it holds on to no window's disk chunks.
 */
final class JfrPeriodicTaskPacer {

	private static final Log logger = LogFactory.getLog(JfrPeriodicTaskPacer.class);

	// The release with JDK-8302821's fix.
	private static final int FIXED_IN = 21;

	private final boolean needed;

	// Touched only on the profiler's scheduler thread, then by close() once it has ended.
	private Recording recording;

	JfrPeriodicTaskPacer(boolean needed) {
		this.needed = needed;
	}

	/**
	 * @return a pacer that works on this JVM only if its JFR has the bug
	 */
	static JfrPeriodicTaskPacer forThisJvm() {
		return new JfrPeriodicTaskPacer(neededOn(Runtime.version()));
	}

	static boolean neededOn(Runtime.Version version) {
		return version.feature() < FIXED_IN;
	}

	/**
	 * A window has stopped: pace the periodic thread from now on.
	 */
	void afterWindow() {
		if (!this.needed || this.recording != null) {
			return;
		}
		try {
			PaceHook.register();
			Recording pacing = new Recording();
			pacing.setName("perfwatch: JFR periodic task pacing (JDK-8302821)");
			pacing.setToDisk(false);
			pacing.setMaxSize(1);
			pacing.enable(Pace.class).withPeriod(Duration.ofHours(1));
			pacing.start();
			this.recording = pacing;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("JFR's periodic task thread is not paced between profile windows (it wakes every 10 ms "
					+ "on Java " + Runtime.version().feature() + "): " + ex);
		}
	}

	void close() {
		Recording current = this.recording;
		this.recording = null;
		if (current != null) {
			current.close();
		}
	}

	boolean isPacing() {
		return this.recording != null;
	}

	/**
	 * The event's hook, added once per JVM (JFR refuses a second) when this class initialises.
	 */
	private static final class PaceHook {

		static {
			FlightRecorder.addPeriodicEvent(Pace.class, () -> {
			});
		}

		static void register() {
			// Initialising the class is the registration.
		}

	}

	/**
	 * Never emitted: a periodic event enabled at a long period is what paces the thread.
	 */
	@Name("perfwatch.PeriodicTaskPace")
	@Label("JFR periodic task pace")
	@Period("1 h")
	@StackTrace(false)
	static final class Pace extends Event {

	}

}
