package dev.perfwatch.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hashRounds SHA-256 hashes computed per verification (the recipe's 1000)
 */
@ConfigurationProperties("auth")
public record AuthProperties(int hashRounds) {

}
