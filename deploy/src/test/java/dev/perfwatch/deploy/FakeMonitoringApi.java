package dev.perfwatch.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The parts of the Cloud Monitoring REST API that apply-monitoring.sh uses, on 127.0.0.1:
 * custom services, their SLOs, alert policies and dashboards, kept in memory, and the deletes
 * that cleanup.sh sends. Like the real API
 * it answers with names that carry the project number, refuses duplicates (409), and refuses a
 * policy whose {@code select_slo_*} filter names an SLO it does not hold (400).
 */
final class FakeMonitoringApi implements AutoCloseable {

	static final String PROJECT_NUMBER = "123456789012";

	private static final Pattern DISPLAY_NAME = Pattern.compile("\"displayName\"\\s*:\\s*\"((?:\\\\.|[^\"\\\\])*)\"");

	private static final Pattern SLO_REFERENCE = Pattern.compile("select_slo_\\w+\\(\\\\\"([^\\\\]+)\\\\\"");

	private final HttpServer server;

	private final String project;

	/** Resources by name (projects/NUMBER/...), in creation order, with the body last written. */
	private final Map<String, String> resources = Collections.synchronizedMap(new LinkedHashMap<>());

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private int nextId = 1;

	record Request(String method, String path, Map<String, String> query, String authorization, String body) {

		boolean is(String method, String pathSuffix) {
			return this.method.equals(method) && this.path.endsWith(pathSuffix);
		}

	}

	FakeMonitoringApi(String project) throws IOException {
		this.project = project;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** Names of the resources held, e.g. {@code projects/123456789012/alertPolicies/3}. */
	List<String> resourceNames() {
		synchronized (this.resources) {
			return List.copyOf(this.resources.keySet());
		}
	}

	String body(String name) {
		return this.resources.get(name);
	}

	/** A resource someone created by hand earlier, e.g. in the console. */
	String given(String collection, String body) {
		String name = projectPrefix() + collection + "/" + (this.nextId++);
		this.resources.put(name, body);
		return name;
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		Request request = record(exchange);
		if (!FakeGoogleApis.ACCESS.equals(request.authorization())) {
			FakeHttpExchanges.respond(exchange, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
			return;
		}
		String[] path = request.path().split("/");
		// ["", "v3", "projects", "<id or number>", collection, ...]
		if (path.length < 5 || !path[2].equals("projects")
				|| !(path[3].equals(this.project) || path[3].equals(PROJECT_NUMBER))) {
			FakeHttpExchanges.respond(exchange, 404, error(404, "no such path " + request.path()));
			return;
		}
		String name = projectPrefix() + String.join("/", List.of(path).subList(4, path.length));
		switch (request.method()) {
			case "GET" -> get(exchange, request, name);
			case "POST" -> create(exchange, request, name);
			case "PATCH" -> update(exchange, request, name);
			case "DELETE" -> delete(exchange, name);
			default -> FakeHttpExchanges.respond(exchange, 405, error(405, request.method()));
		}
	}

	private void get(HttpExchange exchange, Request request, String name) throws IOException {
		if (this.resources.containsKey(name)) {
			FakeHttpExchanges.respond(exchange, 200, withName(name, this.resources.get(name)));
			return;
		}
		String collection = name.substring(name.lastIndexOf('/') + 1);
		if (collection.equals("alertPolicies") || collection.equals("dashboards")) {
			FakeHttpExchanges.respond(exchange, 200, list(collection, name, request.query().get("filter")));
			return;
		}
		FakeHttpExchanges.respond(exchange, 404, error(404, name + " not found"));
	}

	/** Only name and displayName, as the real API answers with fields=...(name,displayName). */
	private String list(String collection, String prefix, String filter) {
		String wanted = (filter != null) ? filter.replaceFirst("^display_name=\"(.*)\"$", "$1") : null;
		String items;
		synchronized (this.resources) {
			items = this.resources.entrySet().stream()
				.filter((entry) -> entry.getKey().matches(Pattern.quote(prefix) + "/\\d+"))
				.filter((entry) -> wanted == null || wanted.equals(displayName(entry.getValue())))
				.map((entry) -> "{\n  \"name\": \"" + entry.getKey() + "\",\n  \"displayName\": \""
						+ displayName(entry.getValue()) + "\"\n}")
				.collect(Collectors.joining(",\n"));
		}
		return items.isEmpty() ? "{}" : "{\n  \"" + collection + "\": [" + items + "]\n}";
	}

	private void create(HttpExchange exchange, Request request, String collectionName) throws IOException {
		String id = request.query().getOrDefault("serviceId", request.query().get("serviceLevelObjectiveId"));
		String name = collectionName + "/" + ((id != null) ? id : String.valueOf(this.nextId++));
		String parent = collectionName.substring(0, collectionName.lastIndexOf('/'));
		if (this.resources.containsKey(name)) {
			FakeHttpExchanges.respond(exchange, 409, error(409, name + " already exists"));
		}
		else if (collectionName.endsWith("/serviceLevelObjectives") && !this.resources.containsKey(parent)) {
			FakeHttpExchanges.respond(exchange, 404, error(404, "service " + parent + " not found"));
		}
		else if (unknownSlo(request.body()) != null) {
			FakeHttpExchanges.respond(exchange, 400, error(400, "unknown SLO " + unknownSlo(request.body())));
		}
		else {
			this.resources.put(name, request.body());
			FakeHttpExchanges.respond(exchange, 200, withName(name, request.body()));
		}
	}

	private void update(HttpExchange exchange, Request request, String name) throws IOException {
		if (!this.resources.containsKey(name)) {
			FakeHttpExchanges.respond(exchange, 404, error(404, name + " not found"));
		}
		else if (unknownSlo(request.body()) != null) {
			FakeHttpExchanges.respond(exchange, 400, error(400, "unknown SLO " + unknownSlo(request.body())));
		}
		else {
			this.resources.put(name, request.body());
			FakeHttpExchanges.respond(exchange, 200, withName(name, request.body()));
		}
	}

	/** Like the real API: {@code {}} for a deleted resource, 404 for an unknown one. */
	private void delete(HttpExchange exchange, String name) throws IOException {
		if (this.resources.remove(name) == null) {
			FakeHttpExchanges.respond(exchange, 404, error(404, name + " not found"));
		}
		else {
			FakeHttpExchanges.respond(exchange, 200, "{}");
		}
	}

	private String unknownSlo(String body) {
		Matcher reference = SLO_REFERENCE.matcher(body);
		while (reference.find()) {
			if (!this.resources.containsKey(reference.group(1))) {
				return reference.group(1);
			}
		}
		return null;
	}

	private String projectPrefix() {
		return "projects/" + PROJECT_NUMBER + "/";
	}

	static String displayName(String body) {
		Matcher matcher = DISPLAY_NAME.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static String withName(String name, String body) {
		return "{\n  \"name\": \"" + name + "\"," + body.strip().substring(1);
	}

	private static String error(int code, String message) {
		return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
	}

	private Request record(HttpExchange exchange) throws IOException {
		Map<String, String> query = FakeHttpExchanges.query(exchange);
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
				exchange.getRequestHeaders().getFirst("Authorization"), body);
		this.requests.add(request);
		return request;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
