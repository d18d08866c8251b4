package be.obmi.notification;

import java.util.List;
import java.util.Optional;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.Role;
import be.obmi.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who receives a kind of notification: a contributor (by the user name a plan item
 * names), or a tenant's plan managers (members with at least the role
 * {@link Role#REDACTEUR}). Only enabled accounts with an e-mail address that have not
 * switched the kind off.
 */
@Component
class Recipients {

	private static final Logger log = LoggerFactory.getLogger(Recipients.class);

	private final Contacts contacts;

	private final NotificationPreferences preferences;

	Recipients(Contacts contacts, NotificationPreferences preferences) {
		this.contacts = contacts;
		this.preferences = preferences;
	}

	/** The user with that name, when they can and want to receive the kind. */
	Optional<Recipient> user(String username, Kind kind) {
		return contacts.byUsername(username).flatMap(contact -> wanting(contact, kind));
	}

	/** The tenant's plan managers who can and want to receive the kind. */
	List<Recipient> planManagers(Tenant tenant, Kind kind) {
		return contacts.withRole(tenant, Role.REDACTEUR)
			.stream()
			.flatMap(contact -> wanting(contact, kind).stream())
			.toList();
	}

	private Optional<Recipient> wanting(Contact contact, Kind kind) {
		if (!contact.reachable()) {
			log.debug("No {} mail for {}: the account has no e-mail address", kind, contact.username());
			return Optional.empty();
		}
		Preferences chosen = preferences.of(contact.userId());
		return chosen.wants(kind) ? Optional.of(new Recipient(contact, chosen)) : Optional.empty();
	}

}
