/**
 * The shared module every perfwatch service depends on for all it needs besides its own logic,
 * one package per concern, each described in its {@code package-info.java}. Every package that
 * makes beans has an auto-configuration of its own (tracing, logging, web, resilience, http,
 * profiling, otlp, gcp), all listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, which
 * reads as the module's table of contents. The shared defaults and the Cloud Run switch to the
 * {@code gcp} profile are environment post-processors, listed in {@code META-INF/spring.factories}.
 */
package dev.perfwatch.observability;
