package dev.perfwatch.observability.gcp;

import java.io.IOException;
import java.util.List;

import brave.Tags;
import brave.handler.MutableSpan;
import com.google.auth.oauth2.GoogleCredentials;
import dev.perfwatch.observability.otlp.ConditionalOnSwitch;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.auth.MoreCallCredentials;
import zipkin2.reporter.BytesEncoder;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.stackdriver.StackdriverSender;
import zipkin2.reporter.stackdriver.brave.StackdriverV2Encoder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends spans to Google Cloud Trace instead of Zipkin. Boot's Zipkin auto-configuration backs off
 * its own HTTP sender and JSON encoder when these two beans exist, and reports through them with
 * its usual asynchronous, bounded span handler: a slow or absent Cloud Trace delays and then
 * drops spans, never requests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSwitch(name = "perfwatch.gcp.trace.zipkin-gcp", matchIfMissing = true)
class CloudTraceExport {

	static final String TRACE_APPEND_SCOPE = "https://www.googleapis.com/auth/trace.append";

	@Bean(destroyMethod = "shutdownNow")
	ManagedChannel cloudTraceChannel(CloudTraceProperties properties) {
		ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forTarget(properties.endpoint());
		return (properties.plaintext() ? channel.usePlaintext() : channel.useTransportSecurity()).build();
	}

	@Bean
	BytesMessageSender stackdriverSender(ManagedChannel cloudTraceChannel, CloudTraceProperties properties)
			throws IOException {
		if (properties.projectId() == null || properties.projectId().isBlank()) {
			throw new IllegalStateException(
					"The gcp profile exports spans to Cloud Trace and needs a project: set GOOGLE_CLOUD_PROJECT "
							+ "or perfwatch.gcp.trace.project-id");
		}
		StackdriverSender.Builder sender = StackdriverSender.newBuilder(cloudTraceChannel)
			.projectId(properties.projectId());
		if (!properties.plaintext()) {
			GoogleCredentials credentials = GoogleCredentials.getApplicationDefault()
				.createScoped(List.of(TRACE_APPEND_SCOPE));
			sender.callOptions(CallOptions.DEFAULT.withCallCredentials(MoreCallCredentials.from(credentials)));
		}
		return sender.build();
	}

	@Bean
	BytesEncoder<MutableSpan> stackdriverEncoder() {
		return new StackdriverV2Encoder(Tags.ERROR);
	}

}
