package be.obmi.identity;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The page after the logout of a single sign-on session, which sends the browser on to
 * the provider's end-session address: the session has ended, so it is public.
 */
@Component
class SsoPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/login/afgemeld");
	}

}
