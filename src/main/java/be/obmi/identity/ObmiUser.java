package be.obmi.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal: an account with its roles per tenant (by tenant slug).
 * Roles are read at login and again whenever the account's stamps move on
 * ({@link SessionRightsRefresh}), so a change takes effect on an open session's next
 * request.
 */
public final class ObmiUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final boolean platformAdmin;

	private final boolean enabled;

	private final Instant lockedUntil;

	private final Map<String, Role> roles;

	private final Set<String> dpoIn;

	private final boolean kenniscentrum;

	private final Map<String, Set<TenantFunction>> functionsIn;

	private final long securityStamp;

	private final long credentialStamp;

	/**
	 * The tenant whose identity provider vouched for this session, or {@code null} for a
	 * local login.
	 */
	private final String ssoTenant;

	ObmiUser(long id, String username, String displayName, String passwordHash, boolean platformAdmin, boolean enabled,
			Instant lockedUntil, Map<String, Role> roles, long securityStamp, long credentialStamp) {
		this(id, username, displayName, passwordHash, platformAdmin, enabled, lockedUntil, roles, Set.of(), false,
				securityStamp, credentialStamp);
	}

	ObmiUser(long id, String username, String displayName, String passwordHash, boolean platformAdmin, boolean enabled,
			Instant lockedUntil, Map<String, Role> roles, Set<String> dpoIn, boolean kenniscentrum, long securityStamp,
			long credentialStamp) {
		this(id, username, displayName, passwordHash, platformAdmin, enabled, lockedUntil, roles, dpoIn, kenniscentrum,
				Map.of(), securityStamp, credentialStamp);
	}

	ObmiUser(long id, String username, String displayName, String passwordHash, boolean platformAdmin, boolean enabled,
			Instant lockedUntil, Map<String, Role> roles, Set<String> dpoIn, boolean kenniscentrum,
			Map<String, Set<TenantFunction>> functionsIn, long securityStamp, long credentialStamp) {
		this(id, username, displayName, passwordHash, platformAdmin, enabled, lockedUntil, roles, dpoIn, kenniscentrum,
				functionsIn, securityStamp, credentialStamp, null);
	}

	private ObmiUser(long id, String username, String displayName, String passwordHash, boolean platformAdmin,
			boolean enabled, Instant lockedUntil, Map<String, Role> roles, Set<String> dpoIn, boolean kenniscentrum,
			Map<String, Set<TenantFunction>> functionsIn, long securityStamp, long credentialStamp, String ssoTenant) {
		this.ssoTenant = ssoTenant;
		this.dpoIn = Set.copyOf(dpoIn);
		this.functionsIn = Map.copyOf(functionsIn);
		this.kenniscentrum = kenniscentrum;
		this.securityStamp = securityStamp;
		this.credentialStamp = credentialStamp;
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.platformAdmin = platformAdmin;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.roles = Map.copyOf(roles);
	}

	/**
	 * This account as far as the identity provider of the tenant {@code slug} vouches for
	 * it: its role, DPO function and other functions in that tenant only, never a
	 * platform admin or Kenniscentrum right (docs/security.md, "Single sign-on").
	 */
	ObmiUser scopedTo(String slug) {
		Map<String, Role> only = roles.containsKey(slug) ? Map.of(slug, roles.get(slug)) : Map.of();
		Set<String> dpo = dpoIn.contains(slug) ? Set.of(slug) : Set.of();
		Map<String, Set<TenantFunction>> functions = functionsIn.containsKey(slug) ? Map.of(slug, functionsIn.get(slug))
				: Map.of();
		return new ObmiUser(id, username, displayName, null, false, enabled, lockedUntil, only, dpo, false, functions,
				securityStamp, credentialStamp, slug);
	}

	/**
	 * The freshly loaded principal of this account, with the same scope as this one (a
	 * single sign-on session stays scoped to its tenant).
	 */
	ObmiUser sameScope(ObmiUser fresh) {
		return ssoTenant == null ? fresh : fresh.scopedTo(ssoTenant);
	}

	/** The tenant whose identity provider logged this session in, if any. */
	public Optional<String> ssoTenant() {
		return Optional.ofNullable(ssoTenant);
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public boolean platformAdmin() {
		return platformAdmin;
	}

	/** The user's role in the tenant with that slug, if any. */
	public Optional<Role> roleIn(String slug) {
		return Optional.ofNullable(roles.get(slug));
	}

	/**
	 * Whether the user holds at least {@code role} in the tenant; a platform admin holds
	 * every role everywhere.
	 */
	public boolean has(String slug, Role role) {
		return platformAdmin || roleIn(slug).map(r -> r.includes(role)).orElse(false);
	}

	public Map<String, Role> roles() {
		return roles;
	}

	/**
	 * Whether the user is the data protection officer (DPO) of the tenant: a function
	 * beside the role (a DPO is often lezer), set by the tenant admin. A platform admin
	 * counts as DPO everywhere.
	 */
	public boolean dpo(String slug) {
		return platformAdmin || dpoIn.contains(slug);
	}

	/** The slugs of the tenants where the user is the DPO. */
	public Set<String> dpoTenants() {
		return dpoIn;
	}

	/**
	 * Whether the user holds the function in the tenant (granted by the tenant admin; a
	 * platform admin holds none implicitly).
	 */
	public boolean has(String slug, TenantFunction function) {
		return functionsIn.getOrDefault(slug, Set.of()).contains(function);
	}

	/** The user's functions per tenant slug. */
	public Map<String, Set<TenantFunction>> functions() {
		return functionsIn;
	}

	/**
	 * Whether the user edits the Kenniscentrum's shared content (knowledge bank, news,
	 * newsletter, GDPR templates); a platform admin does.
	 */
	public boolean kenniscentrum() {
		return platformAdmin || kenniscentrum;
	}

	/**
	 * The account's rights stamp when this principal was loaded; the database moves it on
	 * at every change of rights.
	 */
	long securityStamp() {
		return securityStamp;
	}

	/**
	 * The account's credential stamp when this principal was loaded; moved on at every
	 * password change.
	 */
	long credentialStamp() {
		return credentialStamp;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (platformAdmin) {
			authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORMBEHEERDER"));
		}
		if (kenniscentrum) {
			authorities.add(new SimpleGrantedAuthority("ROLE_KENNISCENTRUM"));
		}
		roles.forEach((slug, role) -> authorities.add(new SimpleGrantedAuthority("TENANT_" + slug + "_" + role)));
		dpoIn.forEach(slug -> authorities.add(new SimpleGrantedAuthority("TENANT_" + slug + "_DPO")));
		functionsIn.forEach((slug, functions) -> functions
			.forEach(function -> authorities.add(new SimpleGrantedAuthority("TENANT_" + slug + "_" + function))));
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ObmiUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "ObmiUser[" + username + "]";
	}

}
