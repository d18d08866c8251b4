package be.obmi.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets OBMi must be able to read back (an identity provider's client
 * secret) with AES-256-GCM under the key of the setting {@code obmi.security.secret-key}
 * (32 bytes, base64). The stored text is base64 of a random 12-byte nonce followed by the
 * ciphertext and its tag; a changed or foreign text does not decrypt. Without the setting
 * a random key is made at start-up, so stored secrets are unreadable after a restart and
 * on another instance: every deployment with single sign-on sets the key
 * (docs/configuration.md).
 */
@Component
class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SecretBox(@Value("${obmi.security.secret-key:}") String base64Key) {
		byte[] raw;
		if (base64Key == null || base64Key.isBlank()) {
			log.warn("obmi.security.secret-key is not set: encrypted settings (single sign-on client secrets) "
					+ "will not be readable after a restart or on another instance");
			raw = new byte[32];
			RANDOM.nextBytes(raw);
		}
		else {
			raw = Base64.getDecoder().decode(base64Key.strip());
			if (raw.length != 32) {
				throw new IllegalStateException("obmi.security.secret-key must be 32 bytes, base64-encoded");
			}
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	String encrypt(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The plain text, or empty when the text was not sealed with this key or changed. */
	Optional<String> decrypt(String sealedText) {
		try {
			byte[] in = Base64.getDecoder().decode(sealedText);
			if (in.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
