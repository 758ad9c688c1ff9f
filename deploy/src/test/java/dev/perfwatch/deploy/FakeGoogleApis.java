package dev.perfwatch.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in, on 127.0.0.1, for the deployed Cloud Run services ({@code /run/<service>/health}),
 * the Cloud Trace v1 API and the Cloud Profiler v2 API, with the tokens the fake gcloud hands out.
 */
final class FakeGoogleApis implements AutoCloseable {

	static final String IDENTITY = "Bearer fake-identity-token";

	static final String ACCESS = "Bearer fake-access-token";

	/** Profiles are served in pages of this many, so that verify.sh has to follow nextPageToken. */
	private static final int PROFILES_PER_PAGE = 2;

	private final HttpServer server;

	private final Set<String> traced = new HashSet<>();

	private final List<String> profiled = new ArrayList<>();

	private final Set<String> publicServices = new HashSet<>(Set.of("frontend-service"));

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	record Request(String path, Map<String, String> query, String authorization) {
	}

	FakeGoogleApis() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/run/", this::serviceHealth);
		this.server.createContext("/v1/projects/", this::traces);
		this.server.createContext("/v2/projects/", this::profiles);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	FakeGoogleApis withTracesFrom(String... services) {
		this.traced.addAll(List.of(services));
		return this;
	}

	FakeGoogleApis withProfilesFrom(String... services) {
		this.profiled.addAll(List.of(services));
		return this;
	}

	/** Makes a service answer without a token, as one deployed --allow-unauthenticated would. */
	FakeGoogleApis withPublic(String service) {
		this.publicServices.add(service);
		return this;
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void serviceHealth(HttpExchange exchange) throws IOException {
		Request request = record(exchange);
		String service = request.path().split("/")[2];
		boolean allowed = this.publicServices.contains(service) || IDENTITY.equals(request.authorization());
		FakeHttpExchanges.respond(exchange, allowed ? 200 : 403, allowed ? "{\"status\":\"UP\"}" : "Forbidden");
	}

	private void traces(HttpExchange exchange) throws IOException {
		Request request = record(exchange);
		if (!ACCESS.equals(request.authorization())) {
			FakeHttpExchanges.respond(exchange, 401, "{\"error\":{\"code\":401}}");
			return;
		}
		String filter = request.query().getOrDefault("filter", "");
		boolean found = filter.startsWith("+/component:") && this.traced.contains(filter.substring(12));
		FakeHttpExchanges.respond(exchange, 200, found
				? "{\n  \"traces\": [\n    {\n      \"projectId\": \"p\",\n      \"traceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\"\n    }\n  ]\n}"
				: "{}");
	}

	private void profiles(HttpExchange exchange) throws IOException {
		Request request = record(exchange);
		if (!ACCESS.equals(request.authorization())) {
			FakeHttpExchanges.respond(exchange, 401, "{\"error\":{\"code\":401}}");
			return;
		}
		int page = Integer.parseInt(request.query().getOrDefault("pageToken", "page-0").substring(5));
		int from = Math.min(page * PROFILES_PER_PAGE, this.profiled.size());
		int to = Math.min(from + PROFILES_PER_PAGE, this.profiled.size());
		String profiles = this.profiled.subList(from, to).stream()
			.map((target) -> "{\n  \"name\": \"projects/p/profiles/" + target + "\",\n  \"profileType\": \"CPU\",\n"
					+ "  \"deployment\": {\n    \"projectId\": \"p\",\n    \"target\": \"" + target + "\"\n  }\n}")
			.collect(Collectors.joining(",\n"));
		String next = (to < this.profiled.size()) ? ",\n  \"nextPageToken\": \"page-" + (page + 1) + "\"" : "";
		FakeHttpExchanges.respond(exchange, 200, "{\n  \"profiles\": [" + profiles + "]" + next + "\n}");
	}

	private Request record(HttpExchange exchange) {
		Map<String, String> query = FakeHttpExchanges.query(exchange);
		Request request = new Request(exchange.getRequestURI().getPath(), query,
				exchange.getRequestHeaders().getFirst("Authorization"));
		this.requests.add(request);
		return request;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
