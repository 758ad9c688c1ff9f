/**
 * Profiles in Google's pprof format, written by the command from the windows it reads.
 */
package dev.perfwatch.profiles.pprof;
