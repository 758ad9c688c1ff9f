package dev.perfwatch.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over raw sockets to each real service: a few hundred malformed requests
 * ({@link MalformedRequests}) must each end quickly with a non-5xx answer (or a closed connection),
 * leave the service healthy, and put no stack trace in its log.
 */
@ExtendWith(RunningSuite.class)
class BadInputIT {

	private static final int REQUESTS = 300;

	// Far above any answer here (milliseconds), far below Tomcat's 20 s idle timeout: a hang shows.
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

	private static final Pattern JSON_STATUS = Pattern.compile("\"status\":(\\d{3})");

	static Stream<Arguments> services() {
		return Stream.of(Arguments.of("frontend", List.of("/", "/health")),
				Arguments.of("gateway", List.of("/api/data", "/health")),
				Arguments.of("auth", List.of("/auth/verify", "/health")),
				Arguments.of("data", List.of("/data/fetch", "/health")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("services")
	void malformedRequestsGetNo5xxNoHangAndLeaveTheServiceHealthy(String service, List<String> paths, LocalSuite suite)
			throws Exception {
		int port = portOf(service, suite);
		LocalProcess process = processOf(service, suite);
		long logBefore = Files.size(process.log());
		List<byte[]> requests = new MalformedRequests(service.hashCode(), paths).generate("127.0.0.1:" + port, REQUESTS);

		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> serverErrors = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (byte[] request : requests) {
				answers.add(clients.submit(() -> exchange(port, request)));
			}
			for (int i = 0; i < answers.size(); i++) {
				String outcome = answers.get(i).get(ANSWER_WITHIN.toSeconds() * 3, TimeUnit.SECONDS);
				outcomes.merge(outcome.startsWith("HTTP/") ? outcome.substring(0, Math.min(12, outcome.length())) : outcome,
						1, Integer::sum);
				if (outcome.matches("HTTP/1\\.[01] 5.*")) {
					serverErrors.add(outcome + " for " + printable(requests.get(i)));
				}
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(serverErrors).as("5xx answers; all outcomes %s", outcomes).isEmpty();
		assertThat(outcomes).as("hangs").doesNotContainKey("hang");
		assertThat(outcomes.keySet()).as("some of them are answered").anyMatch((key) -> key.startsWith("HTTP/1.1 4"));
		assertThat(Http.get(LocalSuite.url(port) + "/health").status()).isEqualTo(200);
		assertThat(Http.get(LocalSuite.url(port) + "/actuator/health/readiness").status()).isEqualTo(200);
		List<String> logged = newLogLines(process.log(), logBefore);
		assertThat(logged).as("stack traces in the log").noneMatch((line) -> line.startsWith("\tat "));
		assertThat(logged).as("error lines in the log").noneMatch((line) -> line.contains(" ERROR "));
		assertThat(logged.stream().filter((line) -> line.contains(" WARN ")))
			.as("warnings: at most one a minute about malformed trace headers").hasSizeLessThanOrEqualTo(2);
	}

	/**
	 * @return the status line, "closed" if the service closed or reset the connection without an
	 * answer, or "hang" if nothing came within the time limit
	 */
	private static String exchange(int port, byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				// It may answer and close before reading everything we send: read what it said.
			}
			return statusLine(socket.getInputStream());
		}
		catch (SocketTimeoutException ex) {
			return "hang";
		}
		catch (IOException ex) {
			return "closed";
		}
	}

	// Interim 1xx answers (to Expect: 100-continue) are skipped. An HTTP/0.9 request gets a bare
	// body without a status line: its JSON status stands in for one.
	private static String statusLine(InputStream in) throws IOException {
		String line = line(in);
		while (line.matches("HTTP/1\\.[01] 1\\d\\d.*")) {
			while (!line(in).isEmpty()) {
				// the interim answer's headers
			}
			line = line(in);
		}
		if (line.isEmpty()) {
			return "closed";
		}
		if (!line.startsWith("HTTP/")) {
			Matcher status = JSON_STATUS.matcher(line);
			return status.find() ? "HTTP/1.0 " + status.group(1) + " (bare HTTP/0.9 answer)" : "bare HTTP/0.9 answer";
		}
		return line;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) != -1 && next != '\n' && line.length() < 2_000) {
			line.append((char) next);
		}
		return line.toString().trim();
	}

	private static List<String> newLogLines(Path log, long from) throws IOException {
		byte[] all = Files.readAllBytes(log);
		return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8).lines().toList();
	}

	private static String printable(byte[] request) {
		String text = new String(request, StandardCharsets.ISO_8859_1);
		return (text.length() > 300 ? text.substring(0, 300) + "..." : text).replace("\r\n", "\\r\\n");
	}

	private static int portOf(String service, LocalSuite suite) {
		return switch (service) {
			case "frontend" -> suite.frontendPort;
			case "gateway" -> suite.gatewayPort;
			case "auth" -> suite.authPort;
			default -> suite.dataPort;
		};
	}

	private static LocalProcess processOf(String service, LocalSuite suite) {
		return switch (service) {
			case "frontend" -> suite.frontend;
			case "gateway" -> suite.gateway;
			case "auth" -> suite.auth;
			default -> suite.data;
		};
	}

}
