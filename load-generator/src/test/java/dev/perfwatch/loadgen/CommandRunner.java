package dev.perfwatch.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.CommandLine;

import dev.perfwatch.loadgen.run.Pauses;
import dev.perfwatch.loadgen.run.RecipeSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command in-process and keeps what it printed. */
final class CommandRunner {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final CommandLine commandLine;

	CommandRunner(Map<String, String> environment, RecipeSettings recipe, Pauses pauses) {
		LoadGenerator generator = new LoadGenerator(environment, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), recipe, pauses);
		this.commandLine = LoadGenerator.commandLine(generator);
	}

	CommandRunner() {
		this(Map.of(), RecipeSettings.DEFAULT, Pauses.SLEEP);
	}

	CommandLine commandLine() {
		return this.commandLine;
	}

	int run(String... args) {
		return this.commandLine.execute(args);
	}

	String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Runs the command and checks it was refused as bad input: exit code 2 and one line on
	 * standard error starting with {@code expectedStart}, never a stack trace.
	 * @return the runner, for what else a caller checks in its output
	 */
	static CommandRunner assertBadInput(String expectedStart, String... args) {
		CommandRunner command = new CommandRunner();

		int exit = command.run(args);

		assertThat(exit).as(command.out() + command.err()).isEqualTo(2);
		assertThat(command.err().lines()).hasSize(1).first().asString().startsWith(expectedStart);
		assertThat(command.err()).doesNotContain("Exception").doesNotContain("\tat ");
		return command;
	}

}
