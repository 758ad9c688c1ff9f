/**
 * What every service's container image must be, checked by each service's
 * {@code ContainerImageIT} on the tarball Jib builds for tests.
 */
package dev.perfwatch.observability.image;
