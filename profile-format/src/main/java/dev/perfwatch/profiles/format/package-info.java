/**
 * The on-disk format of profile windows (see this module's README): file names, profile types and
 * the JFR events that tie samples to spans.
 */
package dev.perfwatch.profiles.format;
