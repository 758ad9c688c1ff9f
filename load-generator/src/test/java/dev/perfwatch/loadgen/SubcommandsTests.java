package dev.perfwatch.loadgen;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

/** Other tools join the jar as subcommands; the URL argument must not swallow their names. */
class SubcommandsTests {

	@Test
	void aSubcommandNameDispatchesToTheSubcommand() {
		CommandRunner command = new CommandRunner();
		CommandLine commandLine = command.commandLine();
		commandLine.addSubcommand(new Probe());
		// Output streams set on the parent reach the subcommands that exist at that moment.
		commandLine.setOut(commandLine.getOut());

		int exit = command.run("probe", "--help");

		assertThat(exit).isZero();
		assertThat(command.out()).contains("Usage: load-generator probe");
	}

	@Test
	void theTopLevelHelpListsSubcommandsAndExitCodes() {
		CommandRunner command = new CommandRunner();

		int exit = command.run("--help");

		assertThat(exit).isZero();
		assertThat(command.out()).contains("Commands:").contains("compare").contains("--rate").contains("--fail-if").contains("FRONTEND_URL")
			.contains("Exit codes:");
	}

	@Command(name = "probe", mixinStandardHelpOptions = true, description = "A stand-in subcommand.")
	static class Probe implements Callable<Integer> {

		@Override
		public Integer call() {
			return 0;
		}

	}

}
