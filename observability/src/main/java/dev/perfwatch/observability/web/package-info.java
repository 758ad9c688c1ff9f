/**
 * The web conventions every service shares: the recipe's {@code GET /health}, and every error
 * answered as JSON {@code {"error", "status", "path"}}, whether Spring, the error page or Tomcat
 * itself answers, with client mistakes kept 4xx so they never count against the error budget.
 */
package dev.perfwatch.observability.web;
