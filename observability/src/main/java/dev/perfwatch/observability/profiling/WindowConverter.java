package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.convert.JfrToPprof;

/**
 * Turns a window's JFR recording into one self-contained HTML flame graph and one gzipped pprof
 * profile per {@link ProfileType}.
 */
final class WindowConverter {

	private final String service;

	WindowConverter(String service) {
		this.service = service;
	}

	void convert(ProfileWindow window, ProfileType type) throws IOException {
		String jfr = window.jfr(type).toString();
		String title = this.service + " " + type.id() + " " + window.start();
		writeAtomically(window.html(type),
				(file) -> JfrToFlame.convert(jfr, file, arguments(type, "--output", "html", "--title", title)));
		writeAtomically(window.pprof(type), (file) -> JfrToPprof.convert(jfr, file, arguments(type, "--output", "pb.gz")));
	}

	/**
	 * Writes beside the target, then renames, so a reader sees a whole file or none.
	 */
	private static void writeAtomically(Path target, Conversion conversion) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		try {
			conversion.writeTo(partial.toString());
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@FunctionalInterface
	private interface Conversion {

		void writeTo(String file) throws IOException;

	}

	private static Arguments arguments(ProfileType type, String... more) {
		List<String> arguments = new ArrayList<>(List.of(type.converterOptions()));
		arguments.addAll(List.of(more));
		return new Arguments(arguments.toArray(String[]::new));
	}

}
