package dev.perfwatch.observability.otlp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OtlpTracesTargetTests {

	private static final BootOtlpTracingProperties NO_BOOT_PROPERTIES = new BootOtlpTracingProperties(null, null,
			null, null);

	@Test
	void defaultsToALocalCollector() {
		OtlpTracesTarget target = OtlpTracesTarget.resolve(NO_BOOT_PROPERTIES, new MockEnvironment());
		assertThat(target.endpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
		assertThat(target.headers()).isEmpty();
	}

	@Test
	void appendsTheSignalPathToTheBaseEndpoint() {
		MockEnvironment environment = new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT",
				"https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/");
		assertThat(OtlpTracesTarget.resolve(NO_BOOT_PROPERTIES, environment).endpoint())
			.isEqualTo(URI.create("https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/v1/traces"));
	}

	@Test
	void takesTheTracesEndpointAsIs() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
			.withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom");
		assertThat(OtlpTracesTarget.resolve(NO_BOOT_PROPERTIES, environment).endpoint())
			.isEqualTo(URI.create("http://traces:4318/custom"));
	}

	@Test
	void bootsPropertiesWinOverTheVariables() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/v1/traces")
			.withProperty("OTEL_EXPORTER_OTLP_HEADERS", "api-key=from-env,x-team=perf");
		BootOtlpTracingProperties boot = new BootOtlpTracingProperties("http://boot:4318/v1/traces",
				Map.of("api-key", "from-boot"), Duration.ofSeconds(1), Duration.ofSeconds(1));
		OtlpTracesTarget target = OtlpTracesTarget.resolve(boot, environment);
		assertThat(target.endpoint()).isEqualTo(URI.create("http://boot:4318/v1/traces"));
		assertThat(target.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "from-boot", "x-team", "perf"));
	}

	@Test
	void decodesPercentEscapesButKeepsPlusSigns() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic%20dXNlcjprZXk+/=, dd-api-key = k1 ")
			.withProperty("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "dd-api-key=k2");
		assertThat(OtlpTracesTarget.resolve(NO_BOOT_PROPERTIES, environment).headers())
			.containsExactlyInAnyOrderEntriesOf(Map.of("Authorization", "Basic dXNlcjprZXk+/=", "dd-api-key", "k2"));
	}

	@Test
	void rejectsAHeaderWithoutValue() {
		MockEnvironment environment = new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_HEADERS", "api-key");
		assertThatIllegalArgumentException().isThrownBy(() -> OtlpTracesTarget.resolve(NO_BOOT_PROPERTIES, environment))
			.withMessageContaining("api-key");
	}

}
