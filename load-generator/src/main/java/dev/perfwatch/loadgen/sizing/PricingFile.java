package dev.perfwatch.loadgen.sizing;

import java.nio.file.Path;
import java.util.List;

import dev.perfwatch.loadgen.sizing.JsonInput.Field;
import dev.perfwatch.loadgen.sizing.Pricing.Prices;

/** Reads the pricing file, {@code deploy/cloud-run-pricing.json} by default. */
final class PricingFile {

	private PricingFile() {
	}

	static Pricing read(Path file) {
		Field root = JsonInput.read("pricing", file);
		List<String> unverified = root.has("unverified") ? root.get("unverified").list(Field::text) : List.of();
		return new Pricing(root.get("source").text(), root.get("read_on").text(), root.get("currency").text(),
				root.get("tier").text(), prices(root.get("request_based"), true), prices(root.get("instance_based"), false),
				unverified);
	}

	private static Prices prices(Field prices, boolean perRequestFee) {
		return new Prices(prices.get("vcpu_second").number(), prices.get("gib_second").number(),
				perRequestFee ? prices.get("per_million_requests").number() : 0);
	}

}
