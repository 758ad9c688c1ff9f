package dev.perfwatch.monitoring.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The anchors GitHub gives the headings of a Markdown file, so runbook links can be checked. */
final class RunbookAnchors {

	private RunbookAnchors() {
	}

	static Set<String> of(Path markdown) throws IOException {
		return Files.readAllLines(markdown)
			.stream()
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+\\s*", ""))
			.map(RunbookAnchors::slug)
			.collect(Collectors.toUnmodifiableSet());
	}

	static String slug(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}

}
