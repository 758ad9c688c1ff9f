package dev.perfwatch.observability.profiling;

import brave.propagation.CurrentTraceContext;
import brave.propagation.CurrentTraceContext.Scope;
import brave.propagation.TraceContext;

/**
 * Keeps async-profiler's wall-clock sampling to the threads inside a span scope (its
 * {@code filter} option). Trace mode samples each thread's wall clock every few milliseconds, and
 * without the filter every idle pool thread of the service gets a signal and a stack walk each
 * time: most of a core per service on a small machine, for samples no trace can use.
 * <p>
 * A thread joins the filter on every scope it opens (a window's start empties the filter, and a
 * thread deep in a request must not wait for its next request to rejoin) and leaves it when its
 * outermost scope closes. Until a window has loaded the profiler, a scope costs one volatile read.
 */
final class SpanThreadFilter implements CurrentTraceContext.ScopeDecorator {

	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	private volatile NativeProfiler profiler;

	/**
	 * From now on, maintain the filter of this profiler, started with the {@code filter} option.
	 */
	void attach(NativeProfiler profiler) {
		this.profiler = profiler;
	}

	@Override
	public Scope decorateScope(TraceContext context, Scope scope) {
		NativeProfiler profiler = this.profiler;
		if (context == null || profiler == null) {
			return scope;
		}
		int[] depth = this.depth.get();
		depth[0]++;
		profiler.sampleWallOfCurrentThread(true);
		return () -> {
			scope.close();
			if (--depth[0] == 0) {
				profiler.sampleWallOfCurrentThread(false);
			}
		};
	}

}
