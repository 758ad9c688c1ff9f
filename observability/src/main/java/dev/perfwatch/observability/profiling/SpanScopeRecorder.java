package dev.perfwatch.observability.profiling;

import brave.propagation.CurrentTraceContext;
import brave.propagation.CurrentTraceContext.Scope;
import brave.propagation.TraceContext;
import dev.perfwatch.profiles.format.SpanScopeEvent;

/**
 * Records every span scope opened on a thread as a {@link SpanScopeEvent}, so a window's samples
 * can be joined to the span that was current on their thread. Outside a window the event type is
 * disabled and a scope costs one check.
 */
final class SpanScopeRecorder implements CurrentTraceContext.ScopeDecorator {

	@Override
	public Scope decorateScope(TraceContext context, Scope scope) {
		if (context == null) {
			return scope;
		}
		SpanScopeEvent event = new SpanScopeEvent();
		if (!event.isEnabled()) {
			return scope;
		}
		event.traceIdHigh = context.traceIdHigh();
		event.traceIdLow = context.traceId();
		event.spanId = context.spanId();
		event.begin();
		return () -> {
			scope.close();
			event.commit();
		};
	}

}
