package dev.perfwatch.profiles.flame;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import one.convert.Arguments;
import one.convert.CallStack;
import one.convert.FlameGraph;

/**
 * A self-contained HTML flame graph (async-profiler's own renderer) of stacks under optional
 * leading frames of our own, such as the service and the span.
 */
public final class FlameGraphBuilder {

	/** Type of the frames this tool adds: drawn in the colour of native frames, apart from the code. */
	private static final byte LABEL = 3;

	private final FlameGraph graph;

	private final CallStack stack = new CallStack();

	public FlameGraphBuilder(String title) {
		this.graph = new FlameGraph(new Arguments("--title", title, "--output", "html"));
	}

	/**
	 * @param labels frames drawn below the stack, outermost first
	 * @param frames the sample's stack, outermost first
	 * @param types async-profiler's type of each frame
	 */
	public void add(List<String> labels, List<String> frames, byte[] types, long weight) {
		for (String label : labels) {
			this.stack.push(label, LABEL);
		}
		for (int i = 0; i < frames.size(); i++) {
			this.stack.push(frames.get(i), types[i]);
		}
		this.graph.addSample(this.stack, weight);
		this.stack.clear();
	}

	public void write(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
			this.graph.dump(out);
		}
	}

}
