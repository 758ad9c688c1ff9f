package dev.perfwatch.profiles.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.perfwatch.profiles.ProfilesException;
import dev.perfwatch.profiles.format.ProfileType;
import dev.perfwatch.profiles.format.SpanEvent;
import dev.perfwatch.profiles.format.SpanIds;
import dev.perfwatch.profiles.format.SpanScopeEvent;
import dev.perfwatch.profiles.format.WindowFiles;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import one.jfr.JfrReader;

/**
 * One window of one service, as profile-format's README describes it: its spans, their scopes and
 * its samples. The span events are read with the JDK's own reader; samples are read on demand.
 */
public final class WindowRecording {

	private final Path file;

	private final String service;

	private final List<SpanInfo> spans;

	private final ScopeIndex scopes;

	private WindowRecording(Path file, String service, List<SpanInfo> spans, ScopeIndex scopes) {
		this.file = file;
		this.service = service;
		this.spans = spans;
		this.scopes = scopes;
	}

	/**
	 * Reads a window that may be pruned meanwhile: services keep recording and delete their oldest
	 * windows while the command reads a live directory.
	 * @return the window, or empty when it was deleted after it was listed
	 * @throws ProfilesException when the file is not a complete JFR recording
	 */
	public static Optional<WindowRecording> readIfPresent(Path file, String service) {
		try {
			return Optional.of(read(file, service));
		}
		catch (ProfilesException ex) {
			if (Files.notExists(file)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * @throws ProfilesException when the file is not a complete JFR recording
	 */
	public static WindowRecording read(Path file, String service) {
		ScopeIndex scopes = new ScopeIndex();
		Set<String> virtualSpans = new HashSet<>();
		List<IdentifiedSpan> spanEvents = new ArrayList<>();
		try (RecordingFile recording = new RecordingFile(file)) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				String name = event.getEventType().getName();
				if (!name.equals(SpanScopeEvent.NAME) && !name.equals(SpanEvent.NAME)) {
					continue;
				}
				String traceId = SpanIds.traceId(event.getLong("traceIdHigh"), event.getLong("traceIdLow"));
				String spanId = SpanIds.spanId(event.getLong("spanId"));
				if (traceId == null || spanId == null) {
					// A span event without ids names no span to join.
					continue;
				}
				if (name.equals(SpanScopeEvent.NAME)) {
					RecordedThread thread = event.getThread();
					if (thread == null || thread.getOSThreadId() <= 0) {
						virtualSpans.add(spanId);
					}
					else {
						scopes.add(thread.getOSThreadId(), nanos(event.getStartTime()), nanos(event.getEndTime()),
								traceId, spanId);
					}
				}
				else {
					spanEvents.add(new IdentifiedSpan(event, traceId, spanId));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(file, ex);
		}
		scopes.seal();
		List<SpanInfo> spans = spanEvents.stream()
			.map((span) -> new SpanInfo(span.traceId(), span.spanId(),
					SpanIds.spanId(span.event().getLong("parentId")), span.event().getString("name"),
					span.event().getString("kind"), span.event().getString("service"),
					span.event().getLong("startMicros"), span.event().getLong("durationMicros"),
					virtualSpans.contains(span.spanId())))
			.toList();
		return new WindowRecording(file, service, spans, scopes);
	}

	/**
	 * A finished-span event with its ids in hex, read once; made into a {@link SpanInfo} once the
	 * whole file has told which spans ran on virtual threads.
	 */
	private record IdentifiedSpan(RecordedEvent event, String traceId, String spanId) {

	}

	public Path file() {
		return this.file;
	}

	public String service() {
		return this.service;
	}

	public Instant start() {
		return WindowFiles.startOf(this.file);
	}

	public List<SpanInfo> spans() {
		return this.spans;
	}

	/**
	 * Hands every sample of the type to the consumer, joined to its span; none when the window was
	 * pruned since its spans were read.
	 * @throws ProfilesException when the samples cannot be read
	 */
	public void samples(ProfileType type, Consumer<Sample> consumer) {
		try (JfrReader reader = new JfrReader(this.file.toString())) {
			new JoinedSamples(reader, type, this.scopes, consumer).convert();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProfilesException profilesException) {
				throw profilesException;
			}
			if (ex instanceof IOException && Files.notExists(this.file)) {
				return;
			}
			throw unreadable(this.file, ex);
		}
	}

	private static ProfilesException unreadable(Path file, Exception ex) {
		String size = "";
		try {
			size = ", " + Files.size(file) + " bytes";
		}
		catch (IOException sizeUnknown) {
			// The message says enough without the size.
		}
		return ProfilesException.badInput("cannot read " + file + size + ": not a complete JFR recording ("
				+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")");
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
