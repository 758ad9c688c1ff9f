package dev.perfwatch.profiles.diff;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.perfwatch.profiles.ProfilesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileDiffTests {

	/**
	 * Typical requests split their time between parsing and querying; slow ones spend a third of
	 * it in a lock on top, twice the samples in all.
	 */
	private static ProfileDiff knownDifference() {
		ProfileDiff diff = new ProfileDiff("typical", "slowest");
		diff.addBase(List.of("svc", "Handler.handle", "Parser.parse"), 50);
		diff.addBase(List.of("svc", "Handler.handle", "Query.run"), 50);
		diff.addHead(List.of("svc", "Handler.handle", "Parser.parse"), 65);
		diff.addHead(List.of("svc", "Handler.handle", "Query.run"), 65);
		diff.addHead(List.of("svc", "Handler.handle", "Cache.lock"), 70);
		return diff;
	}

	@Test
	void namesTheFrameThatGrewFirstAndComparesSharesNotCounts() {
		List<ProfileDiff.Change> changes = knownDifference().changes((frame) -> true);

		assertThat(changes.get(0).frame()).isEqualTo("Cache.lock");
		assertThat(changes.get(0).basePercent()).isZero();
		assertThat(changes.get(0).headPercent()).isEqualTo(35.0);
		assertThat(changes).filteredOn((change) -> change.frame().equals("Handler.handle"))
			.singleElement()
			.satisfies((change) -> assertThat(change.delta()).isZero());
		assertThat(changes.get(changes.size() - 1).delta()).isEqualTo(-17.5);
	}

	@Test
	void printsWhatGrewAndWhatShrank() {
		StringWriter text = new StringWriter();
		knownDifference().print(new PrintWriter(text, true), (frame) -> !frame.equals("svc"), 2);

		assertThat(text.toString()).contains("the growth starts in: Cache.lock (+35.00 points")
			.containsPattern("grew most:\\n.*\\n\\s+\\+35\\.00\\s+0\\.00%\\s+35\\.00%\\s+Cache\\.lock")
			.containsPattern("shrank most:\\n.*\\n\\s+-17\\.50\\s+50\\.00%\\s+32\\.50%\\s+(Parser\\.parse|Query\\.run)");
	}

	@Test
	void theGrowthStartsInTheCalleeThatCarriesItNotInItsCallers() {
		// The head's analysis loop runs ten times over: its callers grow exactly as much (and the
		// outermost, counting a stray sample, a little more), but the loop is what changed.
		ProfileDiff diff = new ProfileDiff("base", "head");
		diff.addBase(List.of("Controller.handle", "Query.run"), 80);
		diff.addBase(List.of("Controller.handle", "Controller.process", "Processor.process", "Processor.analyse"), 20);
		diff.addHead(List.of("Controller.handle", "Query.run"), 80);
		diff.addHead(List.of("Controller.handle", "Controller.process", "Processor.process", "Processor.analyse"), 118);
		diff.addHead(List.of("Controller.handle", "Controller.process", "Processor.process"), 2);

		assertThat(diff.changes((frame) -> true).get(0).frame()).isEqualTo("Controller.process");
		assertThat(diff.growthOrigin((frame) -> true)).hasValueSatisfying(
				(origin) -> assertThat(origin.frame()).isEqualTo("Processor.analyse"));
	}

	@Test
	void aCallerWhoseCalleesDidNotCarryItsGrowthIsWhereItStarts() {
		// New work in SlowPath.burn, done by the same Burner.burn as before: the burner's share does
		// not grow, the new caller's does.
		ProfileDiff diff = new ProfileDiff("typical", "slowest");
		diff.addBase(List.of("Work.work", "Burner.burn"), 100);
		diff.addHead(List.of("Work.work", "Burner.burn"), 100);
		diff.addHead(List.of("Work.work", "SlowPath.burn", "Burner.burn"), 100);

		assertThat(diff.growthOrigin((frame) -> true)).hasValueSatisfying(
				(origin) -> assertThat(origin.frame()).isEqualTo("SlowPath.burn"));
	}

	@Test
	void nothingGrewNoOrigin() {
		ProfileDiff diff = new ProfileDiff("base", "head");
		diff.addBase(List.of("Work.work"), 10);
		diff.addHead(List.of("Work.work"), 20);

		assertThat(diff.growthOrigin((frame) -> true)).isEmpty();
	}

	@Test
	void drawsBothCohortsColouredByTheChange(@TempDir Path dir) throws IOException {
		Path html = dir.resolve("diff.html");
		knownDifference().writeHtml(html, "a diff");

		String page = Files.readString(html);
		assertThat(page).startsWith("<!DOCTYPE html>").contains("<h2>a diff</h2>").contains("Cache.lock")
			.contains("typical 0.00%, slowest 35.00%, change +35.00 points")
			.contains("rgb(245,60,60)")
			.doesNotContain("<script");
	}

	@Test
	void anEmptyCohortIsSaidPlainly() {
		ProfileDiff diff = new ProfileDiff("typical", "slowest");
		diff.addBase(List.of("svc", "Handler.handle"), 10);

		assertThatExceptionOfType(ProfilesException.class).isThrownBy(() -> diff.changes((frame) -> true))
			.withMessage("nothing to compare: the slowest cohort holds no samples");
	}

}
