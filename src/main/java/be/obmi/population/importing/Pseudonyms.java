package be.obmi.population.importing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keyed hash that pseudonymises a person, household or address key on the way in:
 * HMAC-SHA256 under the tenant's own 32-byte secret ({@code population.pseudonym_key},
 * made at the tenant's first import with a {@link SecureRandom}), cut to 16 bytes. The
 * same key gives the same pseudonym in every snapshot of the tenant (so moves between
 * snapshots are seen), a different one in another tenant, and without the secret it
 * cannot be linked back to the register. Only this class reads the secret
 * ({@code ArchitectureTests}).
 */
@Component
class Pseudonyms {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Pseudonyms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tenant's keyed hash (its secret made now when it has none); in a transaction.
	 */
	Keyed of(long tenantId) {
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		jdbc.sql("insert into population.pseudonym_key (tenant_id, secret) values (?, ?) on conflict do nothing")
			.params(tenantId, fresh)
			.update();
		byte[] secret = jdbc.sql("select secret from population.pseudonym_key where tenant_id = ?")
			.param(tenantId)
			.query(byte[].class)
			.single();
		return new Keyed(secret);
	}

	/** One tenant's keyed hash; not thread-safe (one per import). */
	static final class Keyed {

		private final Mac mac;

		Keyed(byte[] secret) {
			try {
				this.mac = Mac.getInstance("HmacSHA256");
				this.mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is not available", ex);
			}
		}

		/**
		 * The pseudonym of a key of a kind ({@code p} person, {@code h} household,
		 * {@code a} address) as PostgreSQL's hex text of a bytea.
		 */
		String pseudonym(char kind, String key) {
			mac.update((byte) kind);
			mac.update((byte) '|');
			byte[] hash = Arrays.copyOf(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)), 16);
			StringBuilder hex = new StringBuilder(34).append("\\x");
			for (byte b : hash) {
				hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
			}
			return hex.toString();
		}

	}

}
