/**
 * Stand-ins for what a service talks to, for tests: a downstream JSON service
 * ({@link dev.perfwatch.observability.testing.FakeHttpService}), an OTLP and Pyroscope backend
 * ({@link dev.perfwatch.observability.testing.FakeOtlpReceiver}), and the service under test asked
 * over real HTTP ({@link dev.perfwatch.observability.testing.LocalServer}).
 */
package dev.perfwatch.observability.testing;
