package dev.perfwatch.profiles.frames;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnCodeTests {

	private final OwnCode ownCode = new OwnCode(OwnCode.FRAMEWORK_PREFIXES);

	@Test
	void theRecipesHotspotsAreYourCodeAndH2CountsAsYours() {
		assertThat(List.of("dev.perfwatch.auth.TokenHasher.hashTokens", "dev.perfwatch.frontend.RandomComputation.compute",
				"org.h2.command.query.Select.queryGroup", "dev.perfwatch.data.StatisticsProcessor$Summary.of"))
			.allMatch(this.ownCode);
	}

	@Test
	void theJdkFrameworksKernelAndLambdaGlueAreNot() {
		assertThat(List.of("java.lang.Thread.run", "sun.security.provider.SHA2.implCompress",
				"dev.perfwatch.observability.http.DownstreamClient.get", "dev.perfwatch.profiles.format.SpanEvent.commit",
				"org.springframework.web.servlet.DispatcherServlet.doService", "jakarta.servlet.http.HttpServlet.service",
				"org.apache.catalina.core.StandardWrapperValve.invoke", "brave.Tracer.nextSpan",
				"finish_task_switch.isra.0", "JavaThread::thread_main_inner", "[unknown_Java]", "__pthread_cond_wait",
				"dev.perfwatch.data.DataController$$Lambda$1674.0x00007f90a06e7130.get"))
			.noneMatch(this.ownCode);
	}

	@Test
	void hiddenPrefixesReplaceTheDefaults() {
		OwnCode onlyJdkHidden = new OwnCode(List.of("java."));
		assertThat(onlyJdkHidden.test("org.springframework.web.servlet.DispatcherServlet.doService")).isTrue();
		assertThat(onlyJdkHidden.test("java.lang.Thread.run")).isFalse();
	}

}
