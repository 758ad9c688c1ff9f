package dev.perfwatch.observability.resilience;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Deadlines and overload protection for a servlet service: excess requests are shed at once
 * ({@link OverloadSheddingFilter}), and the caller's budget bounds the work done for the rest
 * ({@link CallerBudget}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OverloadProperties.class)
public class ResilienceAutoConfiguration {

	// Inside the observation filter, so shed requests are counted as 503s and traced; before the
	// budget, so a shed request costs nothing more.
	static final int SHEDDING_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	// Inside the observation filter (HIGHEST_PRECEDENCE + 1), so early answers are traced and counted.
	static final int BUDGET_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	FilterRegistrationBean<CallerBudgetFilter> callerBudgetFilter() {
		FilterRegistrationBean<CallerBudgetFilter> registration = new FilterRegistrationBean<>(new CallerBudgetFilter());
		registration.setOrder(BUDGET_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OverloadSheddingFilter> overloadSheddingFilter(OverloadProperties properties) {
		FilterRegistrationBean<OverloadSheddingFilter> registration = new FilterRegistrationBean<>(
				new OverloadSheddingFilter(properties));
		registration.setOrder(SHEDDING_ORDER);
		registration.setEnabled(properties.enabled());
		return registration;
	}

}
