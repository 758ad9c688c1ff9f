/**
 * The defaults the four services share: {@code perfwatch-defaults.properties}, and in the
 * {@code gcp} profile {@code perfwatch-defaults-gcp.properties}, added below every source of a
 * service's own, so one file sets the observability defaults and each service can still override
 * any of them.
 */
package dev.perfwatch.observability.config;
