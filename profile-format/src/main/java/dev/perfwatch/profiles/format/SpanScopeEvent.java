package dev.perfwatch.profiles.format;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A span's scope open on one thread: from {@link #begin()} when the scope opens to
 * {@link #commit()} when it closes. Samples of that thread in between belong to the span (to the
 * innermost scope when scopes nest). Ids are numbers, not hex strings: a window records thousands
 * of scopes a second, and every distinct string field costs JFR an entry in its string pool
 * ({@link SpanIds} turns them into the hex the tracing UIs show).
 */
@Name(SpanScopeEvent.NAME)
@Label("Span scope")
@Category("perfwatch")
@Description("A trace span's scope open on this thread")
@StackTrace(false)
public final class SpanScopeEvent extends Event {

	public static final String NAME = "perfwatch.SpanScope";

	@Label("Trace id, high 64 bits")
	public long traceIdHigh;

	@Label("Trace id, low 64 bits")
	public long traceIdLow;

	@Label("Span id")
	public long spanId;

}
