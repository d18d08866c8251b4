package be.obmi.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a tenant admin enters to create a new account with a role in their tenant. The
 * initial password is the only credential a tenant admin ever sets: afterwards only the
 * account holder or a platform admin changes it.
 */
public record UserForm(
		@NotBlank(message = "{user.username.required}") @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$",
				message = "{user.username.pattern}") String username,
		@NotBlank(message = "{user.displayName.required}") @Size(max = 200) String displayName,
		@Email(message = "{user.email.invalid}") @Size(max = 254) String email,
		@NotNull(message = "{user.role.required}") Role role, @Size(max = 200) String password) {

	static UserForm empty() {
		return new UserForm("", "", "", Role.LEZER, "");
	}

}
