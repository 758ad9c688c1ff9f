package dev.perfwatch.profiles.frames;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which frames are "your code": Java frames outside the JDK and the frameworks every service runs
 * on. Libraries that do the work itself, such as H2, count as yours: they are what a team tunes.
 */
public final class OwnCode implements Predicate<String> {

	/** The JDK, perfwatch's own shared plumbing, the web and tracing stack, logging, the profiler; overridable with {@code --hide}. */
	public static final List<String> FRAMEWORK_PREFIXES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
			"dev.perfwatch.observability.", "dev.perfwatch.profiles.format.", "io.opentelemetry.", "org.springframework.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
			"org.apache.hc.", "io.micrometer.", "brave.", "zipkin2.", "com.fasterxml.", "tools.jackson.",
			"ch.qos.logback.", "org.slf4j.", "org.apache.commons.logging.", "one.profiler.", "io.grpc.", "com.zaxxer.",
			"org.junit.", "org.apache.maven.surefire.");

	private final List<String> hidden;

	public OwnCode(List<String> hiddenPrefixes) {
		this.hidden = List.copyOf(hiddenPrefixes);
	}

	@Override
	public boolean test(String frame) {
		// Kernel, native and VM frames are nobody's code to tune here, nor are the JVM's lambda glue frames.
		if (!isJavaMethod(frame) || frame.contains("$$Lambda")) {
			return false;
		}
		for (String prefix : this.hidden) {
			if (frame.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A Java frame reads {@code package.Class.method}: some part of it names a class, in capitals.
	 * Kernel and native frames ({@code finish_task_switch.isra.0}, {@code JavaThread::run}) do not.
	 */
	private static boolean isJavaMethod(String frame) {
		if (frame.contains("::") || frame.startsWith("[")) {
			return false;
		}
		String[] parts = frame.split("\\.");
		for (int i = 0; i < parts.length - 1; i++) {
			if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
				return true;
			}
		}
		return false;
	}

}
