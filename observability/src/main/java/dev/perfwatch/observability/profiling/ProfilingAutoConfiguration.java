package dev.perfwatch.observability.profiling;

import java.time.Clock;

import brave.handler.SpanHandler;
import brave.propagation.CurrentTraceContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The local continuous profiler, in every service. Not in the {@code gcp} profile: there the
 * Cloud Profiler agent samples the same JVM, and two profilers would fight over the same signals.
 */
@AutoConfiguration
@Profile("!gcp")
@EnableConfigurationProperties(ProfilingProperties.class)
public class ProfilingAutoConfiguration {

	@Bean
	ContinuousProfiler continuousProfiler(ProfilingProperties properties, Environment environment,
			ObjectProvider<SpanThreadFilter> spanThreads) {
		String service = environment.getProperty("spring.application.name", "application");
		return new ContinuousProfiler(properties, service, new AsyncProfilerLibrary(properties.nativeLibrary()),
				Clock.systemUTC(), spanThreads.getIfAvailable());
	}

	/**
	 * The span events a window records beside its samples; only where the profiler runs.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SpanEventsWanted.class)
	static class SpanEvents {

		@Bean
		CurrentTraceContext.ScopeDecorator spanScopeRecorder() {
			return new SpanScopeRecorder();
		}

		@Bean
		SpanThreadFilter spanThreadFilter() {
			return new SpanThreadFilter();
		}

		/**
		 * First among the span handlers, so the tag it adds reaches the exporter.
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SpanHandler finishedSpanRecorder(ProfilingProperties properties) {
			return new FinishedSpanRecorder(properties.dir());
		}

	}

	/**
	 * Profiling on ({@code on}/{@code off}, as the switch is written) and span events not turned off.
	 */
	static class SpanEventsWanted implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			return binder.bind("perfwatch.profiling.enabled", Boolean.class).orElse(false)
					&& binder.bind("perfwatch.profiling.span-events", Boolean.class).orElse(true);
		}

	}

}
