package dev.perfwatch.profiles.format;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One finished span, recorded when it ends: the tree and names the profile's spans are shown with.
 * Ids are numbers, as in {@link SpanScopeEvent}; a parent id of 0 marks a trace's root.
 */
@Name(SpanEvent.NAME)
@Label("Span")
@Category("perfwatch")
@Description("A finished trace span")
@StackTrace(false)
public final class SpanEvent extends Event {

	public static final String NAME = "perfwatch.Span";

	/**
	 * The option that makes async-profiler record both perfwatch events into its own JFR file.
	 */
	public static final String JFRSYNC_OPTION = "jfrsync=+" + SpanScopeEvent.NAME + "+" + NAME;

	@Label("Trace id, high 64 bits")
	public long traceIdHigh;

	@Label("Trace id, low 64 bits")
	public long traceIdLow;

	@Label("Span id")
	public long spanId;

	@Label("Parent span id")
	public long parentId;

	@Label("Name")
	public String name;

	@Label("Kind")
	public String kind;

	@Label("Service")
	public String service;

	@Label("Start (epoch microseconds)")
	public long startMicros;

	@Label("Duration")
	@Timespan(Timespan.MICROSECONDS)
	public long durationMicros;

}
