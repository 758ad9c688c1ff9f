package dev.perfwatch.observability.otlp;

import java.io.IOException;

import com.google.auth.oauth2.GoogleCredentials;

/**
 * Where the Google credentials of OTLP export come from: Application Default Credentials in
 * production, a fixed token in tests.
 */
@FunctionalInterface
interface GoogleCloudCredentials {

	GoogleCredentials get() throws IOException;

}
