package dev.perfwatch.observability.otlp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Where spans go and with which headers, resolved as the OpenTelemetry exporter specification
 * says, so every vendor's instructions work: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} as is,
 * else {@code OTEL_EXPORTER_OTLP_ENDPOINT} plus {@code /v1/traces}, else
 * {@code http://localhost:4318/v1/traces}; headers from {@code OTEL_EXPORTER_OTLP_HEADERS}, then
 * {@code OTEL_EXPORTER_OTLP_TRACES_HEADERS}. Spring Boot's own properties win over both, as they
 * do for Boot's OTLP metrics.
 *
 * @param endpoint the OTLP/HTTP traces URL
 * @param headers static headers of every request
 */
public record OtlpTracesTarget(URI endpoint, Map<String, String> headers) {

	static final String DEFAULT_ENDPOINT = "http://localhost:4318/v1/traces";

	public OtlpTracesTarget {
		headers = Map.copyOf(headers);
	}

	/**
	 * Reads the variables through Spring's environment, which holds the process environment and
	 * lets tests and properties files set them too.
	 */
	static OtlpTracesTarget resolve(BootOtlpTracingProperties boot, PropertyResolver environment) {
		String endpoint = boot.endpoint();
		if (!StringUtils.hasText(endpoint)) {
			endpoint = environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
		}
		if (!StringUtils.hasText(endpoint)) {
			String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
			endpoint = StringUtils.hasText(base) ? withoutTrailingSlash(base) + "/v1/traces" : DEFAULT_ENDPOINT;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.putAll(parseHeaders(environment.getProperty("OTEL_EXPORTER_OTLP_HEADERS")));
		headers.putAll(parseHeaders(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_HEADERS")));
		headers.putAll(boot.headers());
		return new OtlpTracesTarget(URI.create(endpoint.trim()), headers);
	}

	/**
	 * The specification's format: {@code key1=value1,key2=value2}, values percent-encoded (an API
	 * key in a header such as {@code Authorization=Basic%20...}).
	 */
	static Map<String, String> parseHeaders(String value) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!StringUtils.hasText(value)) {
			return headers;
		}
		for (String pair : value.split(",")) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("OTLP header '" + pair.trim() + "' is not key=value");
			}
			headers.put(pair.substring(0, equals).trim(),
					percentDecoded(pair.substring(equals + 1).trim()));
		}
		return headers;
	}

	/**
	 * Only {@code %XX} escapes: a literal {@code +}, common in base64 API keys, stays a plus.
	 */
	private static String percentDecoded(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = url.trim();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
