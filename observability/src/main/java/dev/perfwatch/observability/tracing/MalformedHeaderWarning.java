package dev.perfwatch.observability.tracing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One warning line, without a stack trace, for trace headers that could not be read, and at most
 * one per interval: the header is the client's garbage, not our fault, and anyone could otherwise
 * fill the logs with it.
 */
final class MalformedHeaderWarning {

	private static final Log logger = LogFactory.getLog(MalformedHeaderWarning.class);

	private static final int MAX_DETAIL = 120;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private final AtomicLong nextAllowed;

	private final AtomicLong suppressed = new AtomicLong();

	MalformedHeaderWarning(Duration interval) {
		this(interval, System::nanoTime);
	}

	MalformedHeaderWarning(Duration interval, LongSupplier nanoClock) {
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
		this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
	}

	/**
	 * @return whether this occurrence was logged
	 */
	boolean ignored(RuntimeException ex) {
		long now = this.nanoClock.getAsLong();
		long allowed = this.nextAllowed.get();
		if (now - allowed < 0 || !this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return false;
		}
		long before = this.suppressed.getAndSet(0);
		logger.warn("Ignored a malformed trace header, serving the request under a new trace: "
				+ ex.getClass().getSimpleName() + ": " + printable(ex.getMessage())
				+ ((before > 0) ? " (" + before + " more since the last warning)" : ""));
		return true;
	}

	// The message quotes the client's bytes: keep it short and on one line.
	private static String printable(String message) {
		if (message == null) {
			return "";
		}
		String shortened = (message.length() > MAX_DETAIL) ? message.substring(0, MAX_DETAIL) + "..." : message;
		return shortened.replaceAll("[^\\x20-\\x7e]", "?");
	}

}
