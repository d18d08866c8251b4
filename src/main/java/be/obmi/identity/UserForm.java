package be.obmi.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a tenant admin enters for a user of their tenant. {@code password} is required for a new user and
 * optional (blank = unchanged) when editing; {@code version} guards against overwriting a concurrent edit.
 */
public record UserForm(
		@NotBlank(message = "{user.username.required}") @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$", message = "{user.username.pattern}") String username,
		@NotBlank(message = "{user.displayName.required}") @Size(max = 200) String displayName,
		@Email(message = "{user.email.invalid}") @Size(max = 254) String email,
		@NotNull(message = "{user.role.required}") Role role, boolean enabled,
		@Size(max = 200) String password, Integer version) {

	static UserForm empty() {
		return new UserForm("", "", "", Role.LEZER, true, "", null);
	}

	static UserForm of(UserAccount account) {
		return new UserForm(account.username(), account.displayName(), account.email(), account.role(),
				account.enabled(), "", account.version());
	}

}
