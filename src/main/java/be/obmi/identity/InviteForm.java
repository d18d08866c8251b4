package be.obmi.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tenant admin gives an existing account (found by username or e-mail address) a role
 * in their tenant. It gives no power over the account itself: its name, e-mail, password
 * and enabled flag stay with the holder and the platform admin.
 */
public record InviteForm(@NotBlank(message = "{invite.login.required}") @Size(max = 254) String login,
		@NotNull(message = "{user.role.required}") Role role) {

	static InviteForm empty() {
		return new InviteForm("", Role.LEZER);
	}

}
