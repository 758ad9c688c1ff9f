package dev.perfwatch.observability.logging;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * One JSON object per log event in the shape Cloud Logging reads from a Cloud Run container's
 * stdout: {@code severity}, {@code message}, and the trace fields that join the entry to its trace
 * in Cloud Trace ({@code logging.googleapis.com/trace} as {@code projects/P/traces/ID},
 * {@code spanId}, {@code trace_sampled}), plus {@code trace_id} in the payload itself. A stack
 * trace stays inside its entry as {@code stack_trace}, the field Error Reporting reads. The gcp profile selects it through
 * {@code logging.structured.format.console}; Boot's logging system creates it with these arguments.
 *
 * @see <a href="https://cloud.google.com/logging/docs/structured-logging">Structured logging</a>
 */
public class CloudLoggingFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	/** The project the trace ids belong to; the same property Cloud Trace export uses. */
	static final String PROJECT_PROPERTY = "perfwatch.gcp.trace.project-id";

	private static final Set<String> TRACE_KEYS = Set.of(LoggingAutoConfiguration.TRACE_ID,
			LoggingAutoConfiguration.SPAN_ID, LoggingAutoConfiguration.SAMPLED);

	public CloudLoggingFormatter(Environment environment, ThrowableProxyConverter throwableProxyConverter,
			StructuredLoggingJsonMembersCustomizer<?> customizer) {
		super((members) -> members(environment.getProperty(PROJECT_PROPERTY, ""), throwableProxyConverter, members),
				customizer);
	}

	private static void members(String project, ThrowableProxyConverter throwableProxyConverter,
			JsonWriter.Members<ILoggingEvent> members) {
		members.add("timestamp", ILoggingEvent::getInstant).as(Object::toString);
		members.add("severity", ILoggingEvent::getLevel).as(CloudLoggingFormatter::severity);
		members.add("message", ILoggingEvent::getFormattedMessage);
		members.add("logger", ILoggingEvent::getLoggerName);
		members.add("thread", ILoggingEvent::getThreadName);
		members.add("logging.googleapis.com/trace", (event) -> mdc(event, LoggingAutoConfiguration.TRACE_ID))
			.whenNotNull()
			.as((traceId) -> project.isEmpty() ? traceId : "projects/" + project + "/traces/" + traceId);
		// Cloud Logging moves the field above out of the payload; this copy stays searchable as
		// jsonPayload.trace_id, which the recipe's validation step (deploy/verify.sh) queries.
		members.add("trace_id", (event) -> mdc(event, LoggingAutoConfiguration.TRACE_ID)).whenNotNull();
		members.add("logging.googleapis.com/spanId", (event) -> mdc(event, LoggingAutoConfiguration.SPAN_ID))
			.whenNotNull();
		members.add("logging.googleapis.com/trace_sampled",
				(event) -> mdc(event, LoggingAutoConfiguration.SAMPLED))
			.whenNotNull()
			.as(Boolean::valueOf);
		members.add("context", ILoggingEvent::getMDCPropertyMap)
			.as(CloudLoggingFormatter::withoutTraceKeys)
			.whenNotEmpty();
		members.add("stack_trace", (event) -> event)
			.whenNotNull(ILoggingEvent::getThrowableProxy)
			.as(throwableProxyConverter::convert);
	}

	/**
	 * Cloud Logging's LogSeverity names: logback's WARN is WARNING, and TRACE has no match below DEBUG.
	 */
	static String severity(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> "ERROR";
			case Level.WARN_INT -> "WARNING";
			case Level.INFO_INT -> "INFO";
			default -> "DEBUG";
		};
	}

	private static String mdc(ILoggingEvent event, String key) {
		String value = event.getMDCPropertyMap().get(key);
		return (value != null && !value.isEmpty()) ? value : null;
	}

	private static Map<String, String> withoutTraceKeys(Map<String, String> mdc) {
		return mdc.entrySet()
			.stream()
			.filter((entry) -> !TRACE_KEYS.contains(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
	}

}
