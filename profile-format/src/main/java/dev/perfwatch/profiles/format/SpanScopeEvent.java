package dev.perfwatch.profiles.format;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A span's scope open on one thread: from {@link #begin()} when the scope opens to
 * {@link #commit()} when it closes. Samples of that thread in between belong to the span (to the
 * innermost scope when scopes nest). Ids are numbers, not hex strings: a window records thousands
 * of scopes a second, and every distinct string field costs JFR an entry in its string pool
 * ({@link SpanIds} turns them into the hex the tracing UIs show).
 * <p>
 * Scopes shorter than {@link #MIN_DURATION} are not written. Half of all scopes are such: Spring
 * Boot opens each span's scope a second time, for a few microseconds, around the timer recorded
 * when its observation stops (Micrometer's {@code TracingAwareMeterObservationHandler}, there for
 * exemplars). A scope that short holds a CPU sample once in 40 even at trace mode's 2 ms interval;
 * a sample it would have held goes to the enclosing scope of the same thread.
 */
@Name(SpanScopeEvent.NAME)
@Label("Span scope")
@Category("perfwatch")
@Description("A trace span's scope open on this thread")
@StackTrace(false)
@Threshold(SpanScopeEvent.MIN_DURATION)
public final class SpanScopeEvent extends Event {

	public static final String NAME = "perfwatch.SpanScope";

	/**
	 * The shortest scope recorded, in JFR's duration syntax.
	 */
	public static final String MIN_DURATION = "50 us";

	@Label("Trace id, high 64 bits")
	public long traceIdHigh;

	@Label("Trace id, low 64 bits")
	public long traceIdLow;

	@Label("Span id")
	public long spanId;

}
