package dev.perfwatch.scripts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/overview.sh}, the local run's overview page, opened in a real browser: Debian's
 * {@code chromium}, headless, renders the page written for a fixture run directory. It lives here
 * because this module is the one that runs the repository's shell scripts; CI installs chromium
 * with apt, and a missing binary fails the test with the install command instead of skipping it.
 */
class OverviewPageTests {

	private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

	private static final String PROFILED = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String BETWEEN_WINDOWS = "0af7651916cd43dd8448eb211c80319c";

	private static final String ZIPKIN = "http://127.0.0.1:9411/zipkin/traces/";

	private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

	@TempDir
	Path tmp;

	@Test
	void pageRendersTheSlowestRequestsWithTheirTracesAndFlameGraphsAndEveryLocalLinkResolves() throws Exception {
		Path run = Files.createDirectories(this.tmp.resolve("run"));
		Path profiles = this.tmp.resolve("profiles");
		Files.writeString(run.resolve("load-report.json"), loadReport());
		Files.writeString(run.resolve("load-report.html"), "<html><body><h1>load report</h1></body></html>");
		writeHtml(profiles.resolve("traces/" + PROFILED + "-wall.html"), "trace flame graph");
		writeHtml(profiles.resolve("frontend-service/merged-cpu.html"), "frontend flame graph");

		String written = run(List.of("bash", ROOT.resolve("scripts/overview.sh").toString(), run.toString(),
				"--prometheus", "http://127.0.0.1:9090"));
		Path page = run.resolve("index.html");
		assertThat(written.strip()).isEqualTo(page.toString());

		String dom = run(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createDirectory(this.tmp.resolve("chromium-profile")),
				"--dump-dom", page.toUri().toString()));

		assertThat(dom).contains("<h1>perfwatch local run</h1>")
			.contains(PROFILED, BETWEEN_WINDOWS)
			.contains("href=\"" + ZIPKIN + PROFILED + "\"", "href=\"" + ZIPKIN + BETWEEN_WINDOWS + "\"")
			.contains("href=\"../profiles/traces/" + PROFILED + "-wall.html\"")
			.contains("between windows")
			.contains("href=\"../profiles/frontend-service/merged-cpu.html\"")
			.contains("src=\"load-report.html\"")
			.contains("href=\"http://127.0.0.1:9090/alerts\"");
		List<String> local = localLinks(dom);
		assertThat(local).as("relative links in the rendered page").hasSizeGreaterThanOrEqualTo(5);
		assertThat(local).allSatisfy((link) -> assertThat(page.getParent().resolve(link)).as(link).isRegularFile());
	}

	/** The load generator's --out report, as it writes it, with two slowest requests. */
	private static String loadReport() {
		return """
				{
				  "schema_version" : 1,
				  "settings" : { "mode" : "closed", "url" : "http://127.0.0.1:8080/", "concurrency" : 8 },
				  "requests" : { "sent" : 2400, "succeeded" : 2400, "failed" : 0 },
				  "rate" : { "target" : null, "achieved" : 79.9 },
				  "latency_ms" : { "count" : 2400, "p50" : 58.7, "p99" : 147.3, "max" : 201.7 },
				  "slowest" : [ {
				    "trace_id" : "%1$s",
				    "latency_ms" : 201.7,
				    "status" : 200,
				    "trace_url" : "%3$s%1$s",
				    "profile" : { "profiled" : true, "command" : "java -jar profiles-cli/target/profiles.jar --dir profiles --trace %1$s" }
				  }, {
				    "trace_id" : "%2$s",
				    "latency_ms" : 190.2,
				    "status" : 200,
				    "trace_url" : "%3$s%2$s",
				    "profile" : { "profiled" : false, "reason" : "between windows" }
				  } ]
				}
				""".formatted(PROFILED, BETWEEN_WINDOWS, ZIPKIN);
	}

	private static void writeHtml(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "<html><body>" + text + "</body></html>");
	}

	/** The href and src values that are neither http(s) nor in-page anchors. */
	private static List<String> localLinks(String dom) {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(dom);
		while (matcher.find()) {
			String link = matcher.group(1).replace("&amp;", "&");
			if (!link.startsWith("http://") && !link.startsWith("https://") && !link.startsWith("#")) {
				links.add(link);
			}
		}
		return links;
	}

	/** Runs a command from the repository root; its stdout, once it exited 0 within a minute. */
	private String run(List<String> command) throws Exception {
		Path out = Files.createTempFile(this.tmp, "out", ".txt");
		Path err = Files.createTempFile(this.tmp, "err", ".txt");
		Process process = new ProcessBuilder(command).directory(ROOT.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		String stderr = Files.readString(err);
		assertThat(exited).as("%s finished within 60 s; stderr:%n%s", command.get(0), stderr).isTrue();
		assertThat(process.exitValue()).as("%s exit code; stderr:%n%s", command, stderr).isZero();
		return Files.readString(out);
	}

	private static Path chromium() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"chromium not found on PATH. Install it with: sudo apt-get install --no-install-recommends chromium"));
	}

}
