package dev.perfwatch.loadgen.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The URL to load: the argument if given, else {@code FRONTEND_URL}, checked before any request. */
public final class TargetUrl {

	public static final String ENVIRONMENT_VARIABLE = "FRONTEND_URL";

	private TargetUrl() {
	}

	public static URI resolve(String argument, String environmentValue) {
		String text = (argument != null && !argument.isBlank()) ? argument : environmentValue;
		if (text == null || text.isBlank()) {
			throw new BadInputException("no target URL: pass one as an argument or set " + ENVIRONMENT_VARIABLE);
		}
		URI uri;
		try {
			uri = new URI(text.trim());
		}
		catch (URISyntaxException ex) {
			throw new BadInputException("malformed URL '" + text + "': " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new BadInputException("malformed URL '" + text + "': it must start with http:// or https://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new BadInputException("malformed URL '" + text + "': no host name");
		}
		return uri;
	}

}
