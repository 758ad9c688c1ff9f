package dev.perfwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The gcloud lines of docs/cloud-run.md's regression gate section, as a reader would paste them. */
final class GateDocs {

	static final Path PATH = FakeCloud.DEPLOY_DIR.getParent().resolve("docs/cloud-run.md");

	static final String SECTION = "## Regression gate on every deploy";

	private GateDocs() {
	}

	/**
	 * Each {@code gcloud ...} line of the section's code blocks, continuation lines joined, with
	 * the placeholders a reader replaces (PROJECT, OWNER) filled in.
	 */
	static List<String> gcloudLines() throws IOException {
		String text = Files.readString(PATH);
		int start = text.indexOf(SECTION);
		if (start < 0) {
			throw new AssertionError("no section '" + SECTION + "' in " + PATH);
		}
		int end = text.indexOf("\n## ", start + SECTION.length());
		String section = text.substring(start, (end < 0) ? text.length() : end);
		List<String> lines = new ArrayList<>();
		boolean inCode = false;
		StringBuilder command = null;
		for (String line : section.lines().toList()) {
			if (line.startsWith("```")) {
				inCode = !inCode;
				continue;
			}
			if (!inCode) {
				continue;
			}
			if (command == null && line.startsWith("gcloud ")) {
				command = new StringBuilder();
			}
			if (command != null) {
				boolean continued = line.endsWith("\\");
				command.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
				if (!continued) {
					lines.add(fill(command.toString().strip().substring("gcloud ".length())));
					command = null;
				}
			}
		}
		return lines;
	}

	/** Also points a build submitted from the repository root at the root, wherever the test runs. */
	private static String fill(String line) {
		Path root = FakeCloud.DEPLOY_DIR.getParent();
		String filled = line.replace("PROJECT", FakeCloud.PROJECT).replace("OWNER", "perfwatch-owner");
		if (filled.startsWith("builds submit ")) {
			filled = filled.replace("--config=cloudbuild.yaml", "--config=" + CloudBuildFile.PATH)
				.replaceAll(" \\.$", " " + root);
		}
		return filled;
	}

}
