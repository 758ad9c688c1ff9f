package dev.perfwatch.deploy;

import java.util.List;
import java.util.Optional;

/** One invocation of a fake program, as the fake logged it. */
record Call(String program, List<String> args) {

	static Call parse(String logLine) {
		String[] fields = logLine.split("\t", -1);
		List<String> args = List.of(fields).subList(1, fields.length);
		return new Call(fields[0], args.size() == 1 && args.get(0).isEmpty() ? List.of() : args);
	}

	/** True when this is {@code program} called with {@code words} as its first arguments. */
	boolean is(String program, String... words) {
		return this.program.equals(program) && args.size() >= words.length
				&& args.subList(0, words.length).equals(List.of(words));
	}

	/** Value of a {@code --name=value} argument. */
	Optional<String> flag(String name) {
		String prefix = "--" + name + "=";
		return args.stream().filter((arg) -> arg.startsWith(prefix)).map((arg) -> arg.substring(prefix.length()))
			.findFirst();
	}

	boolean has(String arg) {
		return args.contains(arg);
	}

	/** Argument at {@code index}, e.g. the service name of {@code run deploy NAME}. */
	String arg(int index) {
		return args.get(index);
	}

	@Override
	public String toString() {
		return program + " " + String.join(" ", args);
	}

}
