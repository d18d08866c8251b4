package be.obmi.identity;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts that upload files from a city's other systems. Only a
 * SHA-256 hash of a token is stored; a token acts with the rights of the user who made
 * it, until it is revoked.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "obmi_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * A newly made token: {@code secret} is the only time the full token is available.
	 */
	public record Created(ApiToken token, String secret) {
	}

	@Transactional
	public Created create(ObmiUser user, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new RefusedValueException(Reason.of("tokens.refused.name"));
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = jdbc
			.sql("""
					insert into identity.api_token (user_id, name, token_prefix, token_hash) values (?, ?, ?, ?) returning id""")
			.params(user.id(), name.strip(), secret.substring(0, 12), hash(secret))
			.query(Long.class)
			.single();
		return new Created(find(user, id).orElseThrow(), secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> of(ObmiUser user) {
		return jdbc.sql("""
				select id, name, token_prefix, created_at, last_used_at, revoked_at from identity.api_token
				where user_id = ? order by created_at desc""").param(user.id()).query(ApiToken.class).list();
	}

	private Optional<ApiToken> find(ObmiUser user, long id) {
		return jdbc.sql("""
				select id, name, token_prefix, created_at, last_used_at, revoked_at from identity.api_token
				where user_id = ? and id = ?""").params(user.id(), id).query(ApiToken.class).optional();
	}

	/** Revokes one of the user's own tokens; a revoked token is refused from then on. */
	@Transactional
	public void revoke(ObmiUser user, long id) {
		jdbc.sql("update identity.api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
			.params(id, user.id())
			.update();
	}

	/**
	 * The user a presented token belongs to, when it is valid, not revoked, and the
	 * account is enabled. A lockout of the account's password login does not stop its
	 * tokens: a token is another credential, and a stranger guessing the password must
	 * not break the account's scripts.
	 */
	@Transactional
	public Optional<ObmiUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Optional<Long> userId = jdbc.sql("""
				update identity.api_token set last_used_at = now() where token_hash = ? and revoked_at is null
				returning user_id""").param(hash(secret)).query(Long.class).optional();
		return userId.flatMap(accounts::findPrincipal).filter(ObmiUser::isEnabled);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
