package be.obmi.identity;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sealing of the identity providers' client secrets (AES-256-GCM). */
class SecretBoxTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void aSealedSecretOpensWithTheSameKeyOnlyAndNeverTwiceTheSame() {
		SecretBox box = new SecretBox(KEY);
		String sealed = box.encrypt("geheim-van-gent");
		assertThat(sealed).doesNotContain("geheim").isNotEqualTo(box.encrypt("geheim-van-gent"));
		assertThat(box.decrypt(sealed)).contains("geheim-van-gent");
		byte[] other = new byte[32];
		other[0] = 1;
		assertThat(new SecretBox(Base64.getEncoder().encodeToString(other)).decrypt(sealed)).isEmpty();
	}

	@Test
	void aChangedOrForeignTextDoesNotOpen() {
		SecretBox box = new SecretBox(KEY);
		byte[] sealed = Base64.getDecoder().decode(box.encrypt("geheim"));
		sealed[sealed.length - 1] ^= 1;
		assertThat(box.decrypt(Base64.getEncoder().encodeToString(sealed))).isEmpty();
		assertThat(box.decrypt("geen base64!")).isEmpty();
		assertThat(box.decrypt("AAAA")).isEmpty();
	}

	@Test
	void aKeyOfAnotherLengthStopsTheStartAndNoKeyMakesAnEphemeralOne() {
		assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16])))
			.isInstanceOf(IllegalStateException.class);
		SecretBox ephemeral = new SecretBox("");
		assertThat(ephemeral.decrypt(ephemeral.encrypt("x"))).contains("x");
	}

}
