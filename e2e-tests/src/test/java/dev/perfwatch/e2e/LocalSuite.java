package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfwatch.observability.testing.FakeOtlpReceiver;

/**
 * Zipkin and the four services, each a real process on a free port of 127.0.0.1, wired to each
 * other by the same environment variables a deployment uses.
 */
final class LocalSuite implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final Duration PROFILING_PERIOD = Duration.ofSeconds(4);

	private final Path root = Path.of(System.getProperty("perfwatch.root", ".."));

	private final Path logs = Path.of(System.getProperty("perfwatch.logs", "target/e2e-logs"));

	private final Path profiles;

	private final boolean dense;

	final int zipkinPort = freePort();

	final int frontendPort = freePort();

	final int gatewayPort = freePort();

	final int authPort = freePort();

	final int dataPort = freePort();

	/**
	 * Every service also exports traces and metrics over OTLP here, beside Zipkin and Prometheus.
	 */
	final FakeOtlpReceiver otlp = new FakeOtlpReceiver();

	final LocalProcess zipkin;

	final LocalProcess frontend;

	final LocalProcess gateway;

	final LocalProcess auth;

	final LocalProcess data;

	/**
	 * A suite without the continuous profiler.
	 */
	LocalSuite() {
		this(null);
	}

	/**
	 * A suite whose services profile themselves into {@code profiles} at the continuous mode's
	 * sampling rates, on a short schedule so a test sees windows within seconds; {@code null} for
	 * none.
	 */
	LocalSuite(Path profiles) {
		this(profiles, false);
	}

	/**
	 * @param dense whether to sample in trace mode, and more densely still, for single-trace flame graphs
	 */
	LocalSuite(Path profiles, boolean dense) {
		this.profiles = profiles;
		this.dense = dense;
		this.zipkin = LocalProcess.jar("zipkin", Path.of(System.getProperty("perfwatch.zipkin-jar")),
				List.of("--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + this.zipkinPort,
						"--armeria.ports[0].protocols[0]=http"),
				Map.of("STORAGE_TYPE", "mem"), URI.create(zipkinUrl() + "/health"), this.logs);
		this.data = service("data-service", this.dataPort, Map.of());
		this.auth = service("auth-service", this.authPort, Map.of());
		this.gateway = service("api-gateway-service", this.gatewayPort,
				Map.of("AUTH_SERVICE_URL", url(this.authPort), "DATA_SERVICE_URL", url(this.dataPort)));
		this.frontend = service("frontend-service", this.frontendPort, Map.of("API_SERVICE_URL", url(this.gatewayPort)));
	}

	LocalSuite start() {
		List<LocalProcess> all = List.of(this.zipkin, this.data, this.auth, this.gateway, this.frontend);
		all.forEach(LocalProcess::launch);
		all.forEach((process) -> process.awaitReady(STARTUP));
		return this;
	}

	String zipkinUrl() {
		return url(this.zipkinPort);
	}

	Path root() {
		return this.root;
	}

	Path profilesDir() {
		return this.profiles;
	}

	Duration profilingPeriod() {
		return PROFILING_PERIOD;
	}

	static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

	@Override
	public void close() {
		List.of(this.frontend, this.gateway, this.auth, this.data, this.zipkin).forEach(LocalProcess::stop);
		this.otlp.close();
	}

	private LocalProcess service(String module, int port, Map<String, String> downstreams) {
		return service(module, module, port, downstreams);
	}

	/**
	 * One more service process, not started, reporting to this suite's Zipkin; {@code name} names
	 * its log file and {@code settings} override the suite's environment.
	 */
	LocalProcess service(String name, String module, int port, Map<String, String> settings) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PORT", String.valueOf(port));
		env.put("MANAGEMENT_ZIPKIN_TRACING_ENDPOINT", zipkinUrl() + "/api/v2/spans");
		env.put("PERFWATCH_OTLP", "on");
		env.put("OTEL_EXPORTER_OTLP_ENDPOINT", this.otlp.url());
		env.put("OTEL_EXPORTER_OTLP_HEADERS", "x-perfwatch-e2e=" + module);
		env.put("MANAGEMENT_OTLP_METRICS_EXPORT_STEP", "2s");
		if (this.profiles != null) {
			env.put("PERFWATCH_PROFILING", "on");
			env.put("PERFWATCH_PROFILES_DIR", this.profiles.toAbsolutePath().toString());
			env.put("PERFWATCH_PROFILING_PERIOD", PROFILING_PERIOD.toSeconds() + "s");
			env.put("PERFWATCH_PROFILING_WINDOW", (PROFILING_PERIOD.toSeconds() - 1) + "s");
			if (this.dense) {
				// Trace mode, with CPU samples denser than its own 2 ms, so that even the auth service's
				// quarter millisecond of hashing gets samples in a single trace. Wall samples stay at trace
				// mode's 10 ms: each is a signal to every thread, and at 5 ms they alone slowed requests
				// of this suite to about 2 s.
				env.put("PERFWATCH_PROFILING_MODE", "trace");
				env.put("PERFWATCH_PROFILING_CPU_INTERVAL", "100us");
			}
			else {
				// The shared suite's tests need windows, not density: trace mode's unbatched wall samples
				// of every idle thread kept about 40 % of a core busy per service between tests, starving
				// the tests that load the suite on a 2-core machine.
				env.put("PERFWATCH_PROFILING_MODE", "continuous");
			}
			env.put("PERFWATCH_PROFILES_PUSH", "on");
			env.put("PERFWATCH_PROFILES_PUSH_URL", this.otlp.url());
		}
		else {
			env.put("PERFWATCH_PROFILING", "off");
		}
		env.putAll(settings);
		return LocalProcess.jar(name, this.root.resolve(module).resolve("target").resolve(module + ".jar"), List.of(),
				env, URI.create(url(port) + "/actuator/health/readiness"), this.logs);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
