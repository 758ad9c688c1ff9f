package dev.perfwatch.observability.web;

import java.util.List;
import java.util.Optional;

import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Sits in front of Tomcat's own adapter and turns the 5xx statuses Tomcat's HTTP parser gives to
 * client mistakes into the 4xx they are, before any valve or servlet sees the request: 505 for a
 * protocol version other than HTTP/1.0 and 1.1 becomes 400, 501 for a method Tomcat will not
 * serve ({@code CONNECT}) becomes 405, 501 for an unknown transfer coding becomes 400. As 5xx they
 * would count against our error budget and fire our alerts. Here rather than in
 * {@link JsonErrorReportValve}: some of these requests ({@code OPTIONS *}) never reach a valve.
 */
final class ClientMistakeAdapter implements Adapter {

	static final List<String> SERVED_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

	private final Adapter delegate;

	ClientMistakeAdapter(Adapter delegate) {
		this.delegate = delegate;
	}

	@Override
	public void service(Request request, Response response) throws Exception {
		int status = clientMistake(response.getStatus(), request.getMethod());
		if (status != response.getStatus()) {
			response.setStatus(status);
			allowHeaderFor(status).ifPresent((allow) -> response.setHeader("Allow", allow));
		}
		this.delegate.service(request, response);
	}

	static int clientMistake(int status, String method) {
		if (status == 505) {
			return 400;
		}
		if (status == 501) {
			return SERVED_METHODS.contains(method) ? 400 : 405;
		}
		return status;
	}

	static Optional<String> allowHeaderFor(int status) {
		return (status == 405) ? Optional.of(String.join(", ", SERVED_METHODS)) : Optional.empty();
	}

	@Override
	public boolean prepare(Request request, Response response) throws Exception {
		return this.delegate.prepare(request, response);
	}

	@Override
	public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
		return this.delegate.asyncDispatch(request, response, status);
	}

	@Override
	public void log(Request request, Response response, long time) {
		this.delegate.log(request, response, time);
	}

	@Override
	public void checkRecycled(Request request, Response response) {
		this.delegate.checkRecycled(request, response);
	}

	@Override
	public String getDomain() {
		return this.delegate.getDomain();
	}

}
