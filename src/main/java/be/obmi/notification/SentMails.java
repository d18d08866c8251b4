package be.obmi.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The e-mails that go out at most once ({@code notification.sent}): a round's opening and
 * its deadline reminder per user and round, the digest per user and week. A mail is
 * claimed before it is sent and released when sending fails, so a later run tries again.
 */
@Component
class SentMails {

	private final JdbcClient jdbc;

	SentMails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the mail; false when it was sent (or claimed) before. */
	boolean claim(long tenantId, long userId, Kind kind, String reference) {
		return jdbc.sql("""
				insert into notification.sent (tenant_id, user_id, kind, reference) values (?, ?, ?, ?)
				on conflict do nothing""").params(tenantId, userId, kind.name(), reference).update() == 1;
	}

	/** Gives a claim up after sending failed. */
	void release(long tenantId, long userId, Kind kind, String reference) {
		jdbc.sql("delete from notification.sent where tenant_id = ? and user_id = ? and kind = ? and reference = ?")
			.params(tenantId, userId, kind.name(), reference)
			.update();
	}

	static String round(long roundId) {
		return "round:" + roundId;
	}

}
