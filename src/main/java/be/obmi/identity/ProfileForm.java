package be.obmi.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The account holder's own edit: name and e-mail, and optionally a new password (twice).
 * Every change needs the current password, so a session left open on a shared computer
 * cannot take the account over.
 */
public record ProfileForm(@NotBlank(message = "{user.displayName.required}") @Size(max = 200) String displayName,
		@Email(message = "{user.email.invalid}") @Size(max = 254) String email,
		@NotBlank(message = "{profile.currentPassword.required}") @Size(max = 200) String currentPassword,
		@Size(max = 200) String newPassword, @Size(max = 200) String repeatPassword) {

	static ProfileForm of(AccountDetails account) {
		return new ProfileForm(account.displayName(), account.email(), "", "", "");
	}

}
