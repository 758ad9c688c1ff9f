package dev.perfwatch.loadgen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** Mistakes end in one clear line on standard error and exit code 2, never a stack trace. */
class BadInputTests {

	@Test
	void aMalformedUrl() {
		CommandRunner.assertBadInput("load-generator: malformed URL", "${FRONTEND_URL}");
	}

	@Test
	void noUrlAtAll() {
		CommandRunner.assertBadInput("load-generator: no target URL", "-n", "5");
	}

	@Test
	void anUnreachableTarget() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		CommandRunner.assertBadInput("load-generator: cannot reach http://127.0.0.1:" + closedPort + "/",
				"http://127.0.0.1:" + closedPort + "/");
	}

	@Test
	void aBadDuration() {
		CommandRunner.assertBadInput("load-generator: '5x' is not a duration", "--rate", "10", "--duration", "5x",
				"http://127.0.0.1:1/");
	}

	@Test
	void aBadRate() {
		CommandRunner.assertBadInput("load-generator: 'lots' is not a rate", "--rate", "lots", "--duration", "5s",
				"http://127.0.0.1:1/");
	}

	@Test
	void steppedRatesWithoutAStep() {
		CommandRunner.assertBadInput("load-generator: several rates need --step", "--rate", "5,10", "http://127.0.0.1:1/");
	}

	@Test
	void anUnknownOption() {
		CommandRunner.assertBadInput("load-generator: Unknown option", "--speed", "9", "http://127.0.0.1:1/");
	}

	@Test
	void aBadGate() {
		CommandRunner.assertBadInput("load-generator: cannot read gate 'p99 high'", "--fail-if", "p99 high", "http://127.0.0.1:1/");
	}

	@Test
	void aMissingBaseline() {
		CommandRunner.assertBadInput("load-generator: cannot read baseline", "--baseline", "/nonexistent/old.json",
				"http://127.0.0.1:1/");
	}

}
