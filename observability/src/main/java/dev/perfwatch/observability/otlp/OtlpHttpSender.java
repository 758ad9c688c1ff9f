package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import zipkin2.reporter.BaseHttpSender;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.HttpEndpointSuppliers;

/**
 * Posts OTLP/HTTP protobuf ({@code application/x-protobuf}) to one endpoint. Each span the
 * encoder wrote is a whole {@code TracesData} message; protobuf concatenation of messages merges
 * their repeated {@code resource_spans}, so the body is a valid {@code ExportTraceServiceRequest}.
 * Any answer but 2xx is an {@link IOException}, which the reporter counts as dropped spans.
 */
final class OtlpHttpSender extends BaseHttpSender<URI, byte[]> {

	private final HttpClient client;

	private final Map<String, String> headers;

	private final RequestHeaders requestHeaders;

	private final Duration timeout;

	OtlpHttpSender(OtlpTracesTarget target, RequestHeaders requestHeaders, Duration connectTimeout,
			Duration timeout) {
		super(Encoding.PROTO3, HttpEndpointSuppliers.constantFactory(), target.endpoint().toString());
		this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.headers = target.headers();
		this.requestHeaders = requestHeaders;
		this.timeout = timeout;
	}

	@Override
	protected URI newEndpoint(String endpoint) {
		return URI.create(endpoint);
	}

	@Override
	protected byte[] newBody(List<byte[]> encodedSpans) {
		return Encoding.PROTO3.encode(encodedSpans);
	}

	@Override
	protected void postSpans(URI endpoint, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/x-protobuf")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		this.headers.forEach(request::header);
		this.requestHeaders.get().forEach(request::setHeader);
		HttpResponse<Void> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while sending spans to " + endpoint, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IOException("OTLP endpoint " + endpoint + " answered " + response.statusCode());
		}
	}

}
