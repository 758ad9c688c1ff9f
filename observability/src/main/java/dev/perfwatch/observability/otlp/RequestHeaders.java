package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.util.Map;

/**
 * Headers worked out for each export request rather than fixed at start, such as a bearer token
 * that expires.
 */
@FunctionalInterface
public interface RequestHeaders {

	RequestHeaders NONE = Map::of;

	Map<String, String> get() throws IOException;

}
