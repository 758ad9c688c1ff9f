package dev.perfwatch.auth;

import java.util.List;
import java.util.Map;

/**
 * The recipe's deliberately heavy session: 300 permissions, 100 metadata strings of 50 repeats
 * each, and 1000 timestamps.
 */
record Session(String sessionId, List<String> permissions, Map<String, String> metadata, List<Double> timestamps) {

}
