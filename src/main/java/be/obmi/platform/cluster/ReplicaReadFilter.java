package be.obmi.platform.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import be.obmi.identity.PublicRoutes;
import be.obmi.identity.RequestCredentials;
import be.obmi.shared.ReadRouting;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lets the reads of an anonymous GET or HEAD of a public route (the statistics site, the
 * public plan pages, the open-data API, a tenant's home: the {@link PublicRoutes}) go to
 * the read replica: no session cookie, no credentials. Everything else (a logged-in
 * editor, an API client with a password or token, every write) stays on the primary.
 */
class ReplicaReadFilter extends OncePerRequestFilter {

	private final List<PathPattern> routes;

	ReplicaReadFilter(List<PublicRoutes> publicRoutes) {
		PathPatternParser parser = new PathPatternParser();
		this.routes = publicRoutes.stream()
			.flatMap(r -> r.patterns().stream())
			.map(parser::parse)
			.collect(Collectors.toCollection(ArrayList::new));
		this.routes.add(parser.parse("/{slug}"));
		this.routes.add(parser.parse("/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!publicRead(request)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			ReadRouting.publicRead(() -> chain.doFilter(request, response));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

	boolean publicRead(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		if (request.getRequestedSessionId() != null || RequestCredentials.carried(request)) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return routes.stream().anyMatch(pattern -> pattern.matches(path));
	}

}
