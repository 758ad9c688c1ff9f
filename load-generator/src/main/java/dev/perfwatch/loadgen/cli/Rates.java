package dev.perfwatch.loadgen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code --rate}: one arrival rate or a comma-separated list of them, in requests per second. */
public final class Rates {

	private Rates() {
	}

	public static List<Double> parse(String text) {
		List<Double> rates = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			String value = part.trim().toLowerCase(Locale.ROOT);
			if (value.endsWith("/s")) {
				value = value.substring(0, value.length() - 2);
			}
			double rate;
			try {
				rate = Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				throw new BadInputException("'" + part.trim() + "' is not a rate; write requests per second, e.g. 50 or 50,100,200");
			}
			if (!(rate > 0) || Double.isInfinite(rate)) {
				throw new BadInputException("rate " + part.trim() + " must be a positive number of requests per second");
			}
			rates.add(rate);
		}
		return rates;
	}

}
