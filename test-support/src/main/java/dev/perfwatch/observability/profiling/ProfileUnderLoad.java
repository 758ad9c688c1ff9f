package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.WindowFiles;

/**
 * Sends batches of requests to a profiled service and reads each newly completed window until
 * one meets the test's requirements or the time is up. A window that started before the JIT had
 * settled can miss; a later one should not, so only the last window read can fail the test.
 */
public final class ProfileUnderLoad {

	private static final int REQUESTS_PER_BATCH = 20;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Path serviceDir;

	private final URI endpoint;

	private final String handler;

	/**
	 * @param serviceDir the service's directory under the profiles directory
	 * @param endpoint what each request asks for
	 * @param handler the frame that answers the endpoint, in the profiler's notation
	 * ({@code dev/perfwatch/auth/AuthController.verify})
	 */
	public ProfileUnderLoad(Path serviceDir, URI endpoint, String handler) {
		this.serviceDir = serviceDir;
		this.endpoint = endpoint;
		this.handler = handler;
	}

	/**
	 * Passes once a CPU window meets the requirements, else fails as the last window read did.
	 */
	public void cpuProfileSatisfies(Consumer<HandlerCosts> requirements, Duration timeout) throws Exception {
		satisfies(ProfileType.CPU, requirements, timeout);
	}

	/**
	 * Passes once an allocation window meets the requirements, else fails as the last window read
	 * did.
	 */
	public void allocProfileSatisfies(Consumer<HandlerCosts> requirements, Duration timeout) throws Exception {
		satisfies(ProfileType.ALLOC, requirements, timeout);
	}

	private void satisfies(ProfileType type, Consumer<HandlerCosts> requirements, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		Path measured = null;
		AssertionError failure = new AssertionError("no " + type.id() + " window completed within " + timeout);
		while (Instant.now().isBefore(deadline)) {
			for (int i = 0; i < REQUESTS_PER_BATCH; i++) {
				this.http.send(HttpRequest.newBuilder(this.endpoint).build(), HttpResponse.BodyHandlers.discarding());
			}
			Optional<Path> newest = newestWindow();
			if (newest.isPresent() && !newest.get().equals(measured)) {
				measured = newest.get();
				try {
					requirements.accept(HandlerCosts.read(measured, type, this.handler));
					return;
				}
				catch (AssertionError ex) {
					failure = ex;
				}
			}
		}
		throw failure;
	}

	private Optional<Path> newestWindow() throws IOException {
		List<Path> windows = WindowFiles.complete(this.serviceDir);
		return windows.isEmpty() ? Optional.empty() : Optional.of(windows.get(windows.size() - 1));
	}

}
