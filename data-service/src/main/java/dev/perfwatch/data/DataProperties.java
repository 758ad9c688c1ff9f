package dev.perfwatch.data;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rows rows of {@code performance_data} created at start (the recipe's 10,000)
 */
@ConfigurationProperties("data")
public record DataProperties(int rows) {

}
