package dev.perfwatch.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link LocalSuite} shared by every test class that asks for it: the processes start
 * once per test run, profiling themselves, and stop when the run ends.
 */
class RunningSuite implements ParameterResolver {

	private static final Path PROFILES = Path.of(System.getProperty("perfwatch.profiles", "target/e2e-profiles"));

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalSuite.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningSuite.class))
			.computeIfAbsent(LocalSuite.class, (key) -> new LocalSuite(PROFILES).start(), LocalSuite.class);
	}

}
