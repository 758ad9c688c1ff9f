package dev.perfwatch.loadgen.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.perfwatch.loadgen.http.TraceParent;
import dev.perfwatch.loadgen.run.RunClock;
import dev.perfwatch.loadgen.run.RunResult;
import dev.perfwatch.loadgen.run.SlowestRequests.SlowRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slowest list in the text, HTML and JSON reports, with and without a profiles directory.
 * One window (data-service, 10:00:00 to 10:00:10) and one being recorded (frontend-service,
 * since 10:00:11); the run's clock starts at 10:00:00.
 */
class SlowestProfilesReportTests {

	private static final long ANCHOR_NANOS = 123_456_789_000L;

	private static final String INSIDE = "000000000000000000000000000000a1";

	private static final String STRADDLING = "000000000000000000000000000000b2";

	private static final String RECORDING = "000000000000000000000000000000c3";

	@TempDir
	Path profiles;

	private RunResult run;

	@BeforeEach
	void recordARunAndItsWindows() throws IOException {
		window("data-service", "20261202T100000Z.jfr", "2026-12-02T10:00:10Z");
		window("frontend-service", "20261202T100011Z.jfr.part", "2026-12-02T10:00:13Z");
		RunClock clock = new RunClock(Instant.parse("2026-12-02T10:00:00Z"), ANCHOR_NANOS);
		this.run = ReportFixtures.run(clock, List.of(slow(0xa1, 1200, 2000, 3000, 200),
				slow(0xb2, 1000, 9500, 10_500, 200), slow(0xc3, 500, 12_000, 12_500, 0)));
	}

	@Test
	void withoutAProfilesDirectoryTheTextTableIsAsBefore() {
		String text = text(ReportFixtures.report(this.run, null));

		assertThat(slowestLines(text)).containsExactly("  slowest     latency ms  status  trace",
				"              1200        200     http://127.0.0.1:9411/zipkin/traces/" + INSIDE,
				"              1000        200     http://127.0.0.1:9411/zipkin/traces/" + STRADDLING,
				"              500         timeout http://127.0.0.1:9411/zipkin/traces/" + RECORDING);
		assertThat(text).doesNotContain("profile");
	}

	@Test
	void theTextTableGetsAProfileColumn() {
		List<String> lines = slowestLines(text(ReportFixtures.report(this.run, ProfileLinks.read(this.profiles))));

		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("  slowest     latency ms  status  trace ").endsWith("  profile");
		assertThat(lines.get(1)).startsWith("              1200        200     http://127.0.0.1:9411/zipkin/traces/" + INSIDE)
			.endsWith("  java -jar profiles-cli/target/profiles.jar --dir " + this.profiles + " --trace " + INSIDE);
		assertThat(lines.get(2)).endsWith("traces/" + STRADDLING + "  not profiled (between windows)");
		assertThat(lines.get(3)).endsWith("traces/" + RECORDING + "  not profiled (window still recording)");
		int column = lines.get(0).indexOf("profile");
		assertThat(lines.subList(1, 4)).allSatisfy((line) -> assertThat(line.substring(column)).matches("(java|not) .*"));
	}

	@Test
	void withoutAProfilesDirectoryTheHtmlTableIsAsBefore() {
		String html = HtmlReport.render(ReportFixtures.report(this.run, null), latency());

		assertThat(html).contains("<tr><th>trace</th><th>latency ms</th><th>status</th></tr>")
			.contains("\">" + INSIDE + "</a></td><td>1200</td><td>200</td></tr>")
			.doesNotContain("profile");
	}

	@Test
	void theHtmlTableGetsAProfileColumn() {
		String html = HtmlReport.render(ReportFixtures.report(this.run, ProfileLinks.read(this.profiles)), latency());

		assertThat(html).contains("<tr><th>trace</th><th>latency ms</th><th>status</th><th>profile</th></tr>")
			.contains("\">" + INSIDE + "</a></td><td>1200</td><td>200</td><td style=\"text-align:left\"><code>"
					+ "java -jar profiles-cli/target/profiles.jar --dir " + this.profiles + " --trace " + INSIDE
					+ "</code></td></tr>")
			.contains("\">" + STRADDLING + "</a></td><td>1000</td><td>200</td><td style=\"text-align:left\">"
					+ "not profiled (between windows)</td></tr>")
			.contains("\">" + RECORDING + "</a></td><td>500</td><td>timeout</td><td style=\"text-align:left\">"
					+ "not profiled (window still recording)</td></tr>");
	}

	@Test
	void withoutAProfilesDirectoryTheJsonHasNoProfileField() {
		JsonNode slowest = JsonMapper.shared().readTree(JsonReports.toJson(ReportFixtures.report(this.run, null)))
			.get("slowest");

		assertThat(slowest).hasSize(3).allSatisfy((entry) -> assertThat(entry.has("profile")).isFalse());
	}

	@Test
	void theJsonGivesEachSlowestEntryAProfile() {
		Report report = ReportFixtures.report(this.run, ProfileLinks.read(this.profiles));
		String json = JsonReports.toJson(report);
		JsonNode slowest = JsonMapper.shared().readTree(json).get("slowest");

		JsonNode inside = slowest.get(0).get("profile");
		assertThat(inside.get("profiled").asBoolean()).isTrue();
		assertThat(inside.get("command").asString())
			.isEqualTo("java -jar profiles-cli/target/profiles.jar --dir " + this.profiles + " --trace " + INSIDE);
		assertThat(inside.has("reason")).isFalse();
		JsonNode straddling = slowest.get(1).get("profile");
		assertThat(straddling.get("profiled").asBoolean()).isFalse();
		assertThat(straddling.get("reason").asString()).isEqualTo("between windows");
		assertThat(straddling.has("command")).isFalse();
		assertThat(slowest.get(2).get("profile").get("reason").asString()).isEqualTo("window still recording");
		assertThat(JsonReports.fromJson(json).slowest()).extracting(Report.SlowRequest::profile)
			.containsExactlyElementsOf(report.slowest().stream().map(Report.SlowRequest::profile).toList());
	}

	@Test
	void aDirectoryWithSpacesIsQuotedForTheShell() throws IOException {
		Path spaced = Files.createDirectories(this.profiles.resolve("it's here"));

		assertThat(ProfileLinks.read(spaced).command(INSIDE)).isEqualTo("java -jar profiles-cli/target/profiles.jar --dir '"
				+ this.profiles + "/it'\\''s here' --trace " + INSIDE);
	}

	private Histogram latency() {
		return this.run.latency();
	}

	private static SlowRequest slow(long traceId, long latencyMillis, long sentMillis, long doneMillis, int status) {
		return new SlowRequest(latencyMillis * 1_000_000, ANCHOR_NANOS + sentMillis * 1_000_000,
				ANCHOR_NANOS + doneMillis * 1_000_000, new TraceParent(0, traceId, 1), status);
	}

	private void window(String service, String name, String lastModified) throws IOException {
		Path file = Files.createDirectories(this.profiles.resolve(service)).resolve(name);
		Files.writeString(file, "JFR window bytes do not matter here");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse(lastModified)));
	}

	private static String text(Report report) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		TextReport.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static List<String> slowestLines(String text) {
		return text.lines().dropWhile((line) -> !line.startsWith("  slowest")).toList();
	}

}
