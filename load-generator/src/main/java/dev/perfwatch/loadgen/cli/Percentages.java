package dev.perfwatch.loadgen.cli;

/** Reads {@code 10%} (or {@code 0.1}) as the fraction 0.1. */
public final class Percentages {

	private Percentages() {
	}

	public static double parseFraction(String text) {
		String value = text.trim();
		boolean percent = value.endsWith("%");
		try {
			double number = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
			double fraction = (percent || number > 1) ? number / 100 : number;
			if (fraction < 0 || Double.isNaN(fraction)) {
				throw new NumberFormatException();
			}
			return fraction;
		}
		catch (NumberFormatException ex) {
			throw new BadInputException("'" + text + "' is not a percentage; write e.g. 10%");
		}
	}

}
