package dev.perfwatch.loadgen.compare;

import java.util.Locale;

/** The verdict on one metric, and on the whole comparison. */
public enum Outcome {

	PASS, REGRESSION, IMPROVEMENT;

	/** As printed and written to JSON: {@code pass}, {@code regression}, {@code improvement}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
