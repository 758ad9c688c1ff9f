package dev.perfwatch.data;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rows rows of {@code performance_data} created at start (the recipe's 10,000)
 * @param query the aggregate's SQL: {@code recipe}, the recipe's own, or {@code tuned}, the same
 * answers for less CPU (docs/slow-query.md)
 */
@ConfigurationProperties("data")
public record DataProperties(int rows, @DefaultValue("recipe") Query query) {

	/**
	 * Which SQL computes the aggregate.
	 */
	public enum Query {

		/**
		 * The recipe's AVG over the DOUBLE column, converting every value to a decimal on every
		 * call: the demo's deliberate bottleneck.
		 */
		RECIPE,

		/**
		 * AVG over a DECFLOAT(17) copy of the column, computed once at start: the recipe's answers
		 * to the bit, without the conversions.
		 */
		TUNED

	}

}
