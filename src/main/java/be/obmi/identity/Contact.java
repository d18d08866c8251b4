package be.obmi.identity;

/**
 * How to reach an account holder, for modules that write to people (the notification
 * module): the account's id and name, and its e-mail address ({@code null} when the
 * account has none).
 */
public record Contact(long userId, String username, String displayName, String email) {

	public boolean reachable() {
		return email != null && !email.isBlank();
	}

}
