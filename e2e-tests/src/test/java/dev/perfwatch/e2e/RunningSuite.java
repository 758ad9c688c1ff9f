package dev.perfwatch.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link LocalSuite} shared by every test class that asks for it: the processes start
 * once per test run and stop when the run ends.
 */
class RunningSuite implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalSuite.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningSuite.class))
			.computeIfAbsent(LocalSuite.class, (key) -> new LocalSuite().start(), LocalSuite.class);
	}

}
