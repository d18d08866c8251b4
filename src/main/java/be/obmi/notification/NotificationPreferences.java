package be.obmi.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users' choices of notification e-mails ({@code notification.preference}), set on
 * their own account page ({@code /account/meldingen}).
 */
@Service
class NotificationPreferences {

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's choices, or the defaults (everything, Dutch) when none are stored. */
	@Transactional(readOnly = true)
	Preferences of(long userId) {
		return jdbc.sql("""
				select round_opened, reminder, returned, approved, digest, language
				from notification.preference where user_id = ?""")
			.param(userId)
			.query(Preferences.class)
			.optional()
			.orElse(Preferences.DEFAULTS);
	}

	/** Stores the user's choices. */
	@Transactional
	void save(long userId, Preferences preferences) {
		jdbc.sql("""
				insert into notification.preference
				  (user_id, round_opened, reminder, returned, approved, digest, language)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (user_id) do update set round_opened = excluded.round_opened,
				  reminder = excluded.reminder, returned = excluded.returned, approved = excluded.approved,
				  digest = excluded.digest, language = excluded.language, updated_at = now()""")
			.params(userId, preferences.roundOpened(), preferences.reminder(), preferences.returned(),
					preferences.approved(), preferences.digest(), preferences.language())
			.update();
	}

}
