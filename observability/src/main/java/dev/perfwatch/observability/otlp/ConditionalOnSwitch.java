package dev.perfwatch.observability.otlp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a boolean property, converted the way {@code @ConfigurationProperties} converts
 * it, has the given value. Unlike {@code @ConditionalOnBooleanProperty}, which knows only
 * {@code true} and {@code false}, it takes the {@code on}/{@code off} that perfwatch's switches
 * ({@code PERFWATCH_OTLP=on}) are written with.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnSwitchCondition.class)
public @interface ConditionalOnSwitch {

	String name();

	boolean havingValue() default true;

	boolean matchIfMissing() default false;

}
