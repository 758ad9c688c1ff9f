package dev.perfwatch.observability.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One JFR recording posted to Pyroscope's {@code POST /ingest}: {@code format=jfr}, the window's
 * start and end as {@code from} and {@code until}, and the file as the multipart field
 * {@code jfr}, as Pyroscope's Java agent sends it. Pyroscope reads CPU, wall-clock and allocation
 * samples out of the one file.
 */
final class PyroscopeIngest {

	private final HttpClient client;

	private final ProfilePushProperties properties;

	PyroscopeIngest(ProfilePushProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	void push(byte[] jfr, Instant from, Instant until) throws IOException {
		String boundary = "perfwatch-" + UUID.randomUUID();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(from, until))
			.timeout(this.properties.timeout())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, jfr)));
		this.properties.headers().forEach(request::header);
		HttpResponse<String> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while pushing a profile", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IOException("Profile push to " + this.properties.url() + " answered " + response.statusCode());
		}
	}

	URI uri(Instant from, Instant until) {
		String base = this.properties.url().toString();
		String ingest = (base.endsWith("/") ? base : base + "/") + "ingest";
		return URI.create(ingest + "?name=" + encode(this.properties.application()) + "&from=" + from.getEpochSecond()
				+ "&until=" + Math.max(until.getEpochSecond(), from.getEpochSecond() + 1) + "&format=jfr"
				+ "&spyName=javaspy&units=samples&aggregationType=sum&sampleRate=" + this.properties.sampleRate());
	}

	private static byte[] multipart(String boundary, byte[] jfr) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(jfr.length + 256);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jfr\"; filename=\"jfr\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(jfr);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
