package dev.perfwatch.observability.logging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which served requests leave a log line.
 *
 * @param slowerThan requests that take at least this long log one line, as do all that end in a
 * 5xx; {@code 0s} logs every request (the gcp profile: each request then has a log entry joined to
 * its trace)
 */
@ConfigurationProperties("perfwatch.logging.requests")
public record RequestLogProperties(@DefaultValue("1s") Duration slowerThan) {

}
