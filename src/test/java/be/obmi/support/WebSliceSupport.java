package be.obmi.support;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import be.obmi.identity.UserAccounts;
import be.obmi.identity.WebUsers;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.TenantNotFoundException;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The base of every web slice test ({@link ObmiWebSlice}): the {@code MockMvc} and two
 * known tenants, Mechelen and Gent, as the mocked {@link Tenants} answers them (any other
 * slug is unknown: 404). Mocks are reset after every test, so the answers are set again
 * before each.
 */
public abstract class WebSliceSupport {

	public static final Tenant MECHELEN = new Tenant(9, "mechelen", "Mechelen", "12025", "#1f4e79", "#f2c500",
			Tenant.Kind.GEMEENTE, 0, true);

	public static final Tenant GENT = new Tenant(5, "gent", "Gent", "44021", "#005ca9", "#ffd400", Tenant.Kind.GEMEENTE,
			0, true);

	private static final List<Tenant> KNOWN = List.of(MECHELEN, GENT);

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Tenants tenants;

	@Autowired
	protected UserAccounts accounts;

	@BeforeEach
	void knownTenantsAndSessions() {
		when(tenants.bySlug(anyString())).thenAnswer(call -> find(call.getArgument(0)));
		when(tenants.require(anyString())).thenAnswer(
				call -> find(call.getArgument(0)).orElseThrow(() -> new TenantNotFoundException(call.getArgument(0))));
		when(tenants.knownId(anyString())).thenAnswer(
				call -> find(call.getArgument(0)).map(t -> OptionalLong.of(t.id())).orElse(OptionalLong.empty()));
		when(tenants.all()).thenReturn(KNOWN);
		WebUsers.keepSessions(accounts);
	}

	private static Optional<Tenant> find(String slug) {
		return KNOWN.stream().filter(t -> t.slug().equals(slug)).findFirst();
	}

}
