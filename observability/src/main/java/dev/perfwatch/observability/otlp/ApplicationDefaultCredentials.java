package dev.perfwatch.observability.otlp;

import java.io.IOException;
import java.util.List;

import com.google.auth.oauth2.GoogleCredentials;

/**
 * Application Default Credentials (on Cloud Run, the service account through the metadata
 * server), looked up at the first export rather than at start, and then kept: the library
 * refreshes their token itself.
 */
final class ApplicationDefaultCredentials implements GoogleCloudCredentials {

	private final List<String> scopes;

	private volatile GoogleCredentials credentials;

	ApplicationDefaultCredentials(List<String> scopes) {
		this.scopes = List.copyOf(scopes);
	}

	@Override
	public GoogleCredentials get() throws IOException {
		GoogleCredentials current = this.credentials;
		if (current == null) {
			current = GoogleCredentials.getApplicationDefault().createScoped(this.scopes);
			this.credentials = current;
		}
		return current;
	}

}
