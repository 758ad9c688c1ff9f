/**
 * Durations as the recipe reports them, fractional milliseconds, so every service's JSON answers
 * measure time the same way.
 */
package dev.perfwatch.observability.time;
