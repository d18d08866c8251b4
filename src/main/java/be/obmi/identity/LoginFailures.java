package be.obmi.identity;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins per account name and client address, and the lockouts they lead to (see
 * docs/security.md, "Login limits"): an address is locked out of an account after
 * {@code max-failed-logins} wrong passwords, the whole account only after
 * {@code max-failed-logins-per-account} from all addresses together.
 */
@Service
public class LoginFailures {

	private final JdbcClient jdbc;

	private final int maxFailedLogins;

	private final Duration lockoutDuration;

	private final int maxFailedLoginsPerAccount;

	LoginFailures(JdbcClient jdbc, @Value("${obmi.security.max-failed-logins:5}") int maxFailedLogins,
			@Value("${obmi.security.lockout-duration:15m}") Duration lockoutDuration,
			@Value("${obmi.security.max-failed-logins-per-account:50}") int maxFailedLoginsPerAccount) {
		this.jdbc = jdbc;
		this.maxFailedLogins = maxFailedLogins;
		this.lockoutDuration = lockoutDuration;
		this.maxFailedLoginsPerAccount = maxFailedLoginsPerAccount;
	}

	/**
	 * Counts a failed login of an account name from a client address. After
	 * {@code max-failed-logins} failures that address is locked out of that account for
	 * {@code lockout-duration}; the account's holder can still log in from elsewhere, so
	 * a stranger cannot lock a victim out. Only when failures from all addresses together
	 * reach {@code max-failed-logins-per-account} within the lockout duration is the
	 * whole account locked for that long. Unknown account names are counted the same way
	 * (the per-address login limit applies to them too).
	 */
	@Transactional
	public void loginFailed(String username, String address) {
		String name = normalisedName(username);
		jdbc.sql(
				"""
						insert into identity.login_failure as f (username, address, failures, last_failure_at, locked_until)
						values (?, ?, 1, now(), case when 1 >= ? then now() + make_interval(secs => ?) end)
						on conflict (username, address) do update set
						    failures = case when f.last_failure_at < now() - make_interval(secs => ?) then 1 else f.failures + 1 end,
						    last_failure_at = now(),
						    locked_until = case
						        when (case when f.last_failure_at < now() - make_interval(secs => ?) then 1 else f.failures + 1 end) >= ?
						        then now() + make_interval(secs => ?) else f.locked_until end""")
			.params(name, address, maxFailedLogins, lockoutDuration.toSeconds(), lockoutDuration.toSeconds(),
					lockoutDuration.toSeconds(), maxFailedLogins, lockoutDuration.toSeconds())
			.update();
		jdbc.sql(
				"""
						update identity.user_account set failed_logins = failed_logins + 1,
						    locked_until = case when (select coalesce(sum(failures), 0) from identity.login_failure
						                              where username = ? and last_failure_at > now() - make_interval(secs => ?)) >= ?
						                        then now() + make_interval(secs => ?) else locked_until end
						where lower(username) = ?""")
			.params(name, lockoutDuration.toSeconds(), maxFailedLoginsPerAccount, lockoutDuration.toSeconds(), name)
			.update();
	}

	/**
	 * A successful login from an address clears that address's failures; the account's
	 * count starts again.
	 */
	@Transactional
	public void loginSucceeded(String username, String address) {
		String name = normalisedName(username);
		jdbc.sql("delete from identity.login_failure where username = ? and address = ?")
			.params(name, address)
			.update();
		jdbc.sql("""
				update identity.user_account set failed_logins = 0, last_login_at = now()
				where lower(username) = ?""").param(name).update();
	}

	/**
	 * Whether this address is locked out of this account name after too many wrong
	 * passwords from it.
	 */
	@Transactional(readOnly = true)
	public boolean lockedFor(String username, String address) {
		return jdbc.sql("""
				select exists (select 1 from identity.login_failure
				               where username = ? and address = ? and locked_until > now())""")
			.params(normalisedName(username), address)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Forgets failures older than the lockout duration (their count would start again
	 * anyway).
	 */
	@Transactional
	public int forgetOldLoginFailures() {
		return jdbc.sql("""
				delete from identity.login_failure where last_failure_at < now() - make_interval(secs => ?)
				  and (locked_until is null or locked_until < now())""").param(lockoutDuration.toSeconds()).update();
	}

	private static String normalisedName(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

}
