package dev.perfwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository's cloudbuild.yaml read as Cloud Build reads it: steps in order, what each
 * waits for, and the substitutions with their defaults.
 */
final class CloudBuildFile {

	static final Path PATH = FakeCloud.DEPLOY_DIR.getParent().resolve("cloudbuild.yaml");

	/** What a build started by a trigger knows without being told. */
	static final Map<String, String> BUILT_INS = Map.of("PROJECT_ID", FakeCloud.PROJECT, "SHORT_SHA", "abc1234");

	/** {@code $$}, or {@code $NAME} / {@code ${NAME}}: what Cloud Build substitutes. */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z0-9_]+)}|\\$([A-Za-z0-9_]+)");

	private final List<Step> steps;

	private final Map<String, String> substitutions;

	@SuppressWarnings("unchecked")
	CloudBuildFile() throws IOException {
		Map<String, Object> build = new Yaml().load(Files.readString(PATH));
		this.substitutions = new LinkedHashMap<>();
		((Map<String, Object>) build.get("substitutions"))
			.forEach((name, value) -> this.substitutions.put(name, String.valueOf(value)));
		this.steps = new ArrayList<>();
		for (Map<String, Object> step : (List<Map<String, Object>>) build.get("steps")) {
			List<String> args = ((List<Object>) step.getOrDefault("args", List.of())).stream().map(String::valueOf).toList();
			List<String> waitFor = (List<String>) step.get("waitFor");
			this.steps.add(new Step(this.steps.size(), (String) step.get("id"), (String) step.get("name"),
					(String) step.get("entrypoint"), args, waitFor));
		}
	}

	List<Step> steps() {
		return this.steps;
	}

	Map<String, String> substitutions() {
		return this.substitutions;
	}

	Step step(String id) {
		return this.steps.stream()
			.filter((step) -> id.equals(step.id()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + id + " in " + PATH));
	}

	/**
	 * Every step that must have finished before {@code step} starts: without {@code waitFor} a
	 * step waits for all steps before it, {@code waitFor: ['-']} for none, otherwise for the
	 * listed ones, and each of those for its own.
	 */
	Set<String> runsAfter(Step step) {
		Set<String> before = new LinkedHashSet<>();
		List<Step> direct = (step.waitFor() == null) ? this.steps.subList(0, step.index())
				: step.waitFor().stream().filter((id) -> !id.equals("-")).map(this::step).toList();
		for (Step previous : direct) {
			before.add(previous.id());
			before.addAll(runsAfter(previous));
		}
		return before;
	}

	/**
	 * {@code text} as a build started by a trigger runs it: the substitutions' defaults (which
	 * may refer to built-ins), the built-ins, and {@code $$} as {@code $}. A variable Cloud Build
	 * does not know fails the build, so it fails here too.
	 */
	String substitute(String text) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String value;
			if (name == null) {
				value = "$";
			}
			else if (BUILT_INS.containsKey(name)) {
				value = BUILT_INS.get(name);
			}
			else if (this.substitutions.containsKey(name)) {
				value = substitute(this.substitutions.get(name));
			}
			else {
				throw new AssertionError("Cloud Build does not know $" + name + " in: " + text);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * Every gcloud command line of the build, substituted and shell-quoted: the args of the
	 * steps whose entrypoint is gcloud, and the lines of bash steps that start with gcloud.
	 */
	List<String> gcloudLines() {
		List<String> lines = new ArrayList<>();
		for (Step step : this.steps) {
			if ("gcloud".equals(step.entrypoint())) {
				lines.add(String.join(" ", step.args().stream().map(this::substitute).map(CloudBuildFile::quote).toList()));
			}
			else if (step.script() != null) {
				substitute(step.script()).lines()
					.map(String::strip)
					.filter((line) -> line.startsWith("gcloud "))
					.map((line) -> line.substring("gcloud ".length()))
					.forEach(lines::add);
			}
		}
		return lines;
	}

	private static String quote(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}

	/** One build step; {@code waitFor} is null when the file does not say. */
	record Step(int index, String id, String name, String entrypoint, List<String> args, List<String> waitFor) {

		/** The script of a {@code bash -c SCRIPT} step, else null. */
		String script() {
			boolean bashScript = "bash".equals(this.entrypoint) && this.args.size() == 2 && this.args.get(0).equals("-c");
			return bashScript ? this.args.get(1) : null;
		}

		/** What the step runs, as one string, for searching. */
		String command() {
			return (script() != null) ? script() : this.entrypoint + " " + String.join(" ", this.args);
		}

	}

}
