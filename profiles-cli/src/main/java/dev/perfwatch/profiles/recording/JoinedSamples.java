package dev.perfwatch.profiles.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;

import dev.perfwatch.profiles.format.ProfileType;
import one.convert.Arguments;
import one.convert.JfrConverter;
import one.jfr.JfrReader;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

/**
 * Reads async-profiler's samples of one type out of a window and hands each to a consumer with its
 * stack and its span. jfr-converter resolves the frames; the join happens here, by the sample's
 * OS thread id and its time converted with its chunk's header, the same clock the span scopes were
 * converted with.
 */
final class JoinedSamples extends JfrConverter {

	private static final Pattern LAMBDA_ADDRESS = Pattern.compile("\\$\\$Lambda(?:\\$\\d+)?(?:[./]0x[0-9a-fA-F]+)?");


	private final ProfileType type;

	private final ScopeIndex scopes;

	private final Consumer<Sample> consumer;

	JoinedSamples(JfrReader jfr, ProfileType type, ScopeIndex scopes, Consumer<Sample> consumer) {
		super(jfr, new Arguments("--dot"));
		this.type = type;
		this.scopes = scopes;
		this.consumer = consumer;
	}

	@Override
	protected void collectEvents() throws IOException {
		Class<? extends Event> eventClass = (this.type == ProfileType.ALLOC) ? AllocationSample.class
				: ExecutionSample.class;
		BitSet states = switch (this.type) {
			case CPU -> getThreadStates(true);
			case WALL -> getThreadStates(false);
			case ALLOC -> null;
		};
		long wallInterval = parseLong(this.jfr.settings.get("wall"));
		for (Event event; (event = this.jfr.readEvent(eventClass)) != null;) {
			if (states != null && !states.get(((ExecutionSample) event).threadState)) {
				continue;
			}
			StackTrace stack = this.jfr.stackTraces.get(event.stackTraceId);
			if (stack == null) {
				continue;
			}
			long nanos = this.jfr.chunkStartNanos
					+ (long) ((event.time - this.jfr.chunkStartTicks) * (1e9 / this.jfr.ticksPerSec));
			if (this.type == ProfileType.ALLOC) {
				emit(event.tid, nanos, stack, event.value());
			}
			else if (this.type == ProfileType.WALL && event.samples() > 1 && wallInterval > 0) {
				// An idle stretch written as one sample: each interval belongs where the thread was then.
				for (long i = 0; i < event.samples(); i++) {
					emit(event.tid, nanos + i * wallInterval, stack, 1);
				}
			}
			else {
				emit(event.tid, nanos, stack, event.samples());
			}
		}
	}

	private void emit(int tid, long nanos, StackTrace stack, long weight) {
		ScopeIndex.Scope scope = this.scopes.at(tid, nanos);
		List<String> frames = new ArrayList<>(stack.methods.length);
		byte[] types = new byte[stack.methods.length];
		for (int i = stack.methods.length - 1, j = 0; i >= 0; i--, j++) {
			frames.add(withoutLambdaAddress(getMethodName(stack.methods[i], stack.types[i])));
			types[j] = stack.types[i];
		}
		this.consumer.accept(new Sample((scope != null) ? scope.traceId() : null, (scope != null) ? scope.spanId() : null,
				frames, types, weight));
	}

	/**
	 * A lambda's class is named by the JVM that ran it ({@code Foo$$Lambda$1697.0x00007f28206cbdc0},
	 * {@code Foo$$Lambda/0x...}): the same lambda gets another name in another run, which would split
	 * one frame in two in every diff and every merge of windows across restarts.
	 */
	static String withoutLambdaAddress(String frame) {
		int lambda = frame.indexOf("$$Lambda");
		if (lambda < 0) {
			return frame;
		}
		return LAMBDA_ADDRESS.matcher(frame).replaceAll(Matcher.quoteReplacement("$$Lambda"));
	}

	private static long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
