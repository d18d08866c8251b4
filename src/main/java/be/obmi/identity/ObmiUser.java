package be.obmi.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private final long securityStamp;

	private final long credentialStamp;

	ObmiUser(long id, String username, String displayName, String passwordHash, boolean platformAdmin, boolean enabled,
			Instant lockedUntil, Map<String, Role> roles, long securityStamp, long credentialStamp) {
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
		roles.forEach((slug, role) -> authorities.add(new SimpleGrantedAuthority("TENANT_" + slug + "_" + role)));
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
