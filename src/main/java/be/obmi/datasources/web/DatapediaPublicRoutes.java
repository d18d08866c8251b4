package be.obmi.datasources.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The Datapedia's catalogue is public: anonymous visitors see the public sources (pages
 * and read API); internal ones are left out, or 404, in the handlers.
 */
@Component
class DatapediaPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/datapedia", "/datapedia/bronnen/{id}", "/api/v1/datapedia/bronnen",
				"/api/v1/datapedia/bronnen/{id}");
	}

}
