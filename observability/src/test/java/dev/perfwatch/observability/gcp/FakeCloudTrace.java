package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.devtools.cloudtrace.v2.BatchWriteSpansRequest;
import com.google.devtools.cloudtrace.v2.Span;
import com.google.devtools.cloudtrace.v2.TraceServiceGrpc;
import com.google.protobuf.Empty;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Cloud Trace's gRPC {@code BatchWriteSpans} on 127.0.0.1 without TLS, keeping every batch it
 * receives. With {@code answering = false} it accepts calls and never answers them: a hung backend.
 */
final class FakeCloudTrace implements AutoCloseable {

	private final LinkedBlockingQueue<BatchWriteSpansRequest> batches = new LinkedBlockingQueue<>();

	private final List<BatchWriteSpansRequest> seen = new ArrayList<>();

	private final Server server;

	FakeCloudTrace(boolean answering) throws IOException {
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(new TraceServiceGrpc.TraceServiceImplBase() {
				@Override
				public void batchWriteSpans(BatchWriteSpansRequest request, StreamObserver<Empty> response) {
					FakeCloudTrace.this.batches.add(request);
					if (answering) {
						response.onNext(Empty.getDefaultInstance());
						response.onCompleted();
					}
				}
			})
			.build()
			.start();
	}

	String endpoint() {
		return "127.0.0.1:" + this.server.getPort();
	}

	/**
	 * Waits until the batches received so far hold at least {@code count} spans of the trace, and
	 * returns them.
	 */
	List<Span> awaitTrace(String traceId, int count, Duration timeout) {
		Predicate<Span> inTrace = (span) -> span.getName().contains("/traces/" + traceId + "/");
		try {
			return Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.pollInSameThread()
				.until(() -> {
					this.batches.drainTo(this.seen);
					return this.seen.stream().flatMap((b) -> b.getSpansList().stream()).filter(inTrace).toList();
				}, (spans) -> spans.size() >= count);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Cloud Trace fake got no " + count + " spans of trace " + traceId + " in " + timeout
					+ "; batches: " + this.seen.size());
		}
	}

	List<BatchWriteSpansRequest> batches() {
		return List.copyOf(this.seen);
	}

	@Override
	public void close() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

}
