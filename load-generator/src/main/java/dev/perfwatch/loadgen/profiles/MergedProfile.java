package dev.perfwatch.loadgen.profiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import one.convert.Arguments;
import one.convert.FlameGraph;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;

/**
 * Many windows of one profile type added up: a frame table for the top lists and one flame graph.
 * Each recording is reduced to collapsed stacks first, the one form both can be built from.
 */
final class MergedProfile {

	private final ProfileType type;

	private final FlameGraph flameGraph;

	private final FrameTable frames = new FrameTable();

	MergedProfile(ProfileType type, String title) {
		this.type = type;
		this.flameGraph = new FlameGraph(new Arguments("--title", title, "--output", "html"));
	}

	void add(Path jfr) throws IOException {
		String collapsed = collapsedStacks(jfr);
		this.flameGraph.parseCollapsed(new StringReader(collapsed));
		collapsed.lines().forEach(this::addToTable);
	}

	FrameTable frames() {
		return this.frames;
	}

	void writeHtml(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
			this.flameGraph.dump(out);
		}
	}

	private String collapsedStacks(Path jfr) {
		List<String> options = new ArrayList<>(Arrays.asList(this.type.converterOptions()));
		options.addAll(List.of("--dot", "--output", "collapsed"));
		ByteArrayOutputStream collapsed = new ByteArrayOutputStream();
		try (JfrReader reader = new JfrReader(jfr.toString())) {
			JfrToFlame converter = new JfrToFlame(reader, new Arguments(options.toArray(String[]::new)));
			converter.convert();
			converter.dump(collapsed);
		}
		catch (IOException | RuntimeException ex) {
			// jfr-converter meets a corrupt file with anything from IOException to BufferUnderflowException.
			throw new ProfilesException("cannot read " + jfr + ": not a complete JFR recording (" + ex + ")");
		}
		return collapsed.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A collapsed line is {@code outer;...;inner weight}; frame names carry a {@code _[x]} suffix
	 * for the kind of code (JIT-compiled, inlined, kernel...), which the table leaves out.
	 */
	private void addToTable(String line) {
		int space = line.lastIndexOf(' ');
		if (space <= 0) {
			return;
		}
		List<String> stack = Arrays.stream(line.substring(0, space).split(";"))
			.map((frame) -> frame.replaceFirst("_\\[.]$", ""))
			.toList();
		this.frames.add(stack, Long.parseLong(line.substring(space + 1)));
	}

}
