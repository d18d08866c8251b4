package be.obmi.notification;

import java.util.Locale;

/** The kinds of notification e-mail; each recipient switches each on or off. */
enum Kind {

	/** A round opened that asks the recipient for updates. */
	ROUND_OPENED,
	/** A round's deadline is near and the recipient has not submitted everything. */
	REMINDER,
	/** A plan manager sent the recipient's update back with a remark. */
	RETURNED,
	/** A plan manager approved the recipient's update. */
	APPROVED,
	/** Weekly, to plan managers: where the open rounds stand. */
	DIGEST;

	/** The name of the kind's templates and metric tag, e.g. {@code round-opened}. */
	String template() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
