package dev.perfwatch.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfwatch.loadgen.report.JsonReports;
import dev.perfwatch.loadgen.report.Report;
import dev.perfwatch.loadgen.run.Pauses;
import dev.perfwatch.loadgen.run.RecipeSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe pattern, run with the real numbers but pauses that are only remembered, so that
 * all 150 submissions queue at once and the 15 workers are visibly the bound.
 */
class RecipeModeTests {

	@TempDir
	Path dir;

	@Test
	void theDefaultsAreTheRecipes() {
		assertThat(RecipeSettings.DEFAULT)
			.isEqualTo(new RecipeSettings(150, 15, Duration.ofMillis(100), Duration.ofMillis(500)));
	}

	@Test
	void aBareUrlSends150RequestsThrough15Workers() throws Exception {
		List<Duration> pauses = new CopyOnWriteArrayList<>();
		Pauses remembered = pauses::add;
		try (ScriptedServer server = new ScriptedServer((n) -> ScriptedServer.Answer.ok(50))) {
			CommandRunner command = new CommandRunner(Map.of("FRONTEND_URL", server.url()), RecipeSettings.DEFAULT,
					remembered);
			Path json = this.dir.resolve("recipe.json");

			int exit = command.run("--progress", "off", "--out", json.toString());

			assertThat(exit).as(command.err()).isZero();
			Report report = JsonReports.read(json);
			assertThat(report.settings().mode()).isEqualTo("recipe");
			assertThat(report.requests().sent()).isEqualTo(150);
			assertThat(report.requests().succeeded()).isEqualTo(150);
			assertThat(server.received()).isEqualTo(151);
			assertThat(server.maxInFlight()).isEqualTo(15);
			assertThat(pauses).hasSize(149)
				.allMatch((pause) -> pause.compareTo(Duration.ofMillis(100)) >= 0
						&& pause.compareTo(Duration.ofMillis(500)) <= 0);
			// Queued submissions count their wait: the last ones waited for nine rounds of 50 ms.
			assertThat(report.latencyMs().max()).isGreaterThan(400);
		}
	}

}
