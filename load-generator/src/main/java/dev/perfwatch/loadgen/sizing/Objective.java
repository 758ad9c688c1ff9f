package dev.perfwatch.loadgen.sizing;

/**
 * What a load step must achieve to count as served well.
 *
 * @param p99Ms end-to-end p99 at the entry point, at most
 * @param maxErrorRatio failed requests over requests sent, at most: without it, a service that sheds
 * load with fast 503s would look fine on latency alone
 * @param source where the p99 came from: {@code --p99} or the SLO file's path
 */
record Objective(double p99Ms, double maxErrorRatio, String source) {

}
