package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.util.List;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdToken;
import com.google.auth.oauth2.IdTokenProvider;

/**
 * ID tokens from Application Default Credentials: on Cloud Run, the metadata server signs them for
 * the service's own service account. The credentials are looked up at the first call, not at
 * start, so a service that never calls downstream never needs them.
 */
class ApplicationDefaultIdTokenProvider implements IdTokenProvider {

	private volatile IdTokenProvider delegate;

	@Override
	public IdToken idTokenWithAudience(String targetAudience, List<Option> options) throws IOException {
		return delegate().idTokenWithAudience(targetAudience, options);
	}

	private IdTokenProvider delegate() throws IOException {
		IdTokenProvider provider = this.delegate;
		if (provider == null) {
			GoogleCredentials credentials = GoogleCredentials.getApplicationDefault();
			if (!(credentials instanceof IdTokenProvider idTokenProvider)) {
				throw new IOException("Application Default Credentials of type "
						+ credentials.getClass().getSimpleName() + " cannot sign ID tokens; on Cloud Run the "
						+ "service account of the service can, locally use a service account key or impersonation");
			}
			provider = idTokenProvider;
			this.delegate = provider;
		}
		return provider;
	}

}
