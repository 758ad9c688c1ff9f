package dev.perfwatch.observability.resilience;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the caller's {@value CallerBudget#HEADER} into a deadline for the request. A caller whose
 * budget is already spent gets an immediate 504: it has given up, and any work for it is wasted.
 */
class CallerBudgetFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = System.nanoTime();
		OptionalLong budgetMs = CallerBudget.parse(request.getHeader(CallerBudget.HEADER));
		if (budgetMs.isPresent() && budgetMs.getAsLong() == 0) {
			JsonAnswers.write(response, HttpStatus.GATEWAY_TIMEOUT, request.getRequestURI());
			return;
		}
		if (budgetMs.isPresent()) {
			request.setAttribute(CallerBudget.DEADLINE_ATTRIBUTE, now + budgetMs.getAsLong() * 1_000_000);
		}
		chain.doFilter(request, response);
	}

}
