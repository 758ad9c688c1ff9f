package dev.perfwatch.observability.otlp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pushing the continuous profiler's windows to a Pyroscope-compatible backend (Grafana
 * Pyroscope, Grafana Cloud Profiles): each new {@code <dir>/<application>/<UTC timestamp>.jfr}
 * goes, as it is, to {@code <url>/ingest?format=jfr}, the way Pyroscope's own Java agent sends it.
 *
 * @param enabled whether windows are pushed ({@code PERFWATCH_PROFILES_PUSH=on})
 * @param url the backend's base URL, without {@code /ingest}
 * @param headers headers of every push, for example {@code Authorization} or {@code X-Scope-OrgID}
 * @param dir the profiles directory the profiler writes
 * @param application the service's directory under {@code dir}, and its name in the backend
 * @param interval how often the directory is looked at for new windows
 * @param timeout longest one push may take
 * @param sampleRate CPU samples per second the profiler takes, which the backend needs to turn
 * samples into CPU time
 */
@ConfigurationProperties("perfwatch.profiles.push")
public record ProfilePushProperties(boolean enabled, URI url, Map<String, String> headers, Path dir,
		String application, Duration interval, Duration timeout, long sampleRate) {

	public ProfilePushProperties {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
