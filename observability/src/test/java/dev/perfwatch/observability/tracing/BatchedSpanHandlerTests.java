package dev.perfwatch.observability.tracing;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchedSpanHandlerTests {

	private final RecordingExporter exporter = new RecordingExporter();

	@Test
	void handsSpansOverFromItsOwnThreadInTheOrderTheyFinished() throws Exception {
		try (BatchedSpanHandler handler = new BatchedSpanHandler(this.exporter, Duration.ofMillis(20), 100)) {
			for (int i = 1; i <= 5; i++) {
				handler.end(context(i), span("span-" + i), SpanHandler.Cause.FINISHED);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.exporter.names.size() == 5);
		}
		assertThat(this.exporter.names).containsExactly("span-1", "span-2", "span-3", "span-4", "span-5");
		assertThat(this.exporter.threads).containsOnly("span-handoff");
	}

	@Test
	void aRequestThreadNeverWaitsForTheExporter() throws Exception {
		try (BatchedSpanHandler handler = new BatchedSpanHandler(this.exporter, Duration.ofHours(1), 100)) {
			handler.end(context(1), span("span-1"), SpanHandler.Cause.FINISHED);
			assertThat(this.exporter.names).isEmpty();
		}
		assertThat(this.exporter.names).containsExactly("span-1");
	}

	@Test
	void dropsSpansBeyondItsCapacityRatherThanHoldThemAll() throws Exception {
		try (BatchedSpanHandler handler = new BatchedSpanHandler(this.exporter, Duration.ofHours(1), 2)) {
			for (int i = 1; i <= 5; i++) {
				assertThat(handler.end(context(i), span("span-" + i), SpanHandler.Cause.FINISHED)).isTrue();
			}
		}
		assertThat(this.exporter.names).containsExactly("span-1", "span-2");
	}

	@Test
	void aSpanTheExporterRejectsDoesNotStopTheHandOff() throws Exception {
		this.exporter.rejected = "span-1";
		try (BatchedSpanHandler handler = new BatchedSpanHandler(this.exporter, Duration.ofMillis(20), 100)) {
			handler.end(context(1), span("span-1"), SpanHandler.Cause.FINISHED);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.exporter.refusals == 1);
			handler.end(context(2), span("span-2"), SpanHandler.Cause.FINISHED);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.exporter.names.contains("span-2"));
		}
		assertThat(this.exporter.names).containsExactly("span-2");
	}

	@Test
	void closingHandsOverWhatIsPendingThenClosesTheExporter() throws Exception {
		BatchedSpanHandler handler = new BatchedSpanHandler(this.exporter, Duration.ofHours(1), 100);
		handler.end(context(1), span("span-1"), SpanHandler.Cause.FINISHED);
		handler.close();
		assertThat(this.exporter.names).containsExactly("span-1");
		assertThat(this.exporter.closed).isTrue();
	}

	@Test
	void everyZipkinExporterInTheContextGetsABatchInFrontOfIt() {
		BytesMessageSender sender = new NoSender();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class))
			.withBean(AsyncZipkinSpanHandler.class, () -> AsyncZipkinSpanHandler.create(sender))
			.run((context) -> {
				assertThat(context.getBeansOfType(SpanHandler.class).values()).singleElement()
					.isInstanceOf(BatchedSpanHandler.class);
				assertThat(context.getBeansOfType(AsyncZipkinSpanHandler.class)).isEmpty();
			});
	}

	private static TraceContext context(long spanId) {
		return TraceContext.newBuilder().traceId(1).spanId(spanId).sampled(true).build();
	}

	private static MutableSpan span(String name) {
		MutableSpan span = new MutableSpan();
		span.name(name);
		return span;
	}

	private static final class RecordingExporter extends SpanHandler implements Closeable {

		final List<String> names = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		volatile boolean closed;

		volatile String rejected;

		volatile int refusals;

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			if (span.name().equals(this.rejected)) {
				this.refusals++;
				throw new IllegalStateException("cannot encode " + span.name());
			}
			this.names.add(span.name());
			this.threads.add(Thread.currentThread().getName());
			return true;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

	private static final class NoSender extends BytesMessageSender.Base {

		NoSender() {
			super(Encoding.JSON);
		}

		@Override
		public int messageMaxBytes() {
			return 500_000;
		}

		@Override
		public void send(List<byte[]> encodedSpans) {
		}

		@Override
		public void close() {
		}

	}

}
