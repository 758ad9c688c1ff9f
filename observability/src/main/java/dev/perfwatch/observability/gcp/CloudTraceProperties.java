package dev.perfwatch.observability.gcp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where spans go in the {@code gcp} profile.
 *
 * @param projectId the Google Cloud project whose Cloud Trace receives the spans; defaults to
 * {@code GOOGLE_CLOUD_PROJECT}
 * @param endpoint gRPC target of the Cloud Trace API, {@code host:port}
 * @param plaintext {@code true} only for a local fake Cloud Trace: no TLS and no credentials
 */
@ConfigurationProperties("perfwatch.gcp.trace")
public record CloudTraceProperties(String projectId, String endpoint, boolean plaintext) {

}
