/**
 * What changes on Google Cloud, all keyed to the {@code gcp} profile, which turns itself on under
 * Cloud Run ({@code K_SERVICE}): spans go to Cloud Trace instead of Zipkin, downstream calls carry
 * Google-signed ID tokens for callees that refuse unauthenticated calls, and local root spans name
 * the Cloud Profiler profiles of their moment (docs/cloud-trace.md, docs/cloud-profiler.md).
 */
package dev.perfwatch.observability.gcp;
