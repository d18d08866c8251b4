package be.obmi.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A platform admin's edit of an account itself: name, e-mail, enabled and (optionally,
 * blank = unchanged) a new password. {@code version} guards against a concurrent edit.
 */
public record AccountForm(@NotBlank(message = "{user.displayName.required}") @Size(max = 200) String displayName,
		@Email(message = "{user.email.invalid}") @Size(max = 254) String email, boolean enabled,
		@Size(max = 200) String password, Integer version) {

	static AccountForm of(AccountDetails account) {
		return new AccountForm(account.displayName(), account.email(), account.enabled(), "", account.version());
	}

}
