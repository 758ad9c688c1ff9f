package dev.perfwatch.deploy;

/** Exit code and output of one script run. */
record ScriptRun(int exitCode, String stdout, String stderr) {

	String output() {
		return stdout + stderr;
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
	}

}
