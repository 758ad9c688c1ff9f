package dev.perfwatch.data;

/**
 * One row of the aggregate query: a category and its count, average, maximum and minimum value.
 */
record CategoryStats(String category, long count, double average, double maximum, double minimum) {

}
