package dev.perfwatch.profiles.recording;

import java.util.List;

/**
 * One sample of a window, its stack resolved and joined to the span current on its thread.
 *
 * @param traceId the trace of the span current on the sampled thread, or {@code null} outside any span
 * @param spanId that span, or {@code null}
 * @param frames the stack, outermost frame first, in dotted notation ({@code java.lang.Thread.run})
 * @param types async-profiler's frame type of each frame (interpreted, JIT-compiled, inlined, native...)
 * @param weight samples (cpu, wall) or bytes (alloc)
 */
public record Sample(String traceId, String spanId, List<String> frames, byte[] types, long weight) {

}
