package dev.perfwatch.observability.otlp;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnSwitch}.
 */
class OnSwitchCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSwitch.class.getName());
		boolean havingValue = (boolean) attributes.get("havingValue");
		return Binder.get(context.getEnvironment())
			.bind((String) attributes.get("name"), Boolean.class)
			.map((value) -> value == havingValue)
			.orElse((boolean) attributes.get("matchIfMissing"));
	}

}
