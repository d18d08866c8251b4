package be.obmi.privacy.domain;

import java.time.LocalDate;

/**
 * Where a processor agreement stands, derived from its dates: a draft until it is signed,
 * then active, expiring when it ends within the reminder window, expired after its end.
 */
public enum AgreementStatus {

	DRAFT, ACTIVE, EXPIRING, EXPIRED;

	static AgreementStatus of(LocalDate signedOn, LocalDate endOn, LocalDate today, int reminderDays) {
		if (signedOn == null) {
			return DRAFT;
		}
		if (endOn == null) {
			return ACTIVE;
		}
		if (endOn.isBefore(today)) {
			return EXPIRED;
		}
		return endOn.isAfter(today.plusDays(reminderDays)) ? ACTIVE : EXPIRING;
	}

	public String messageKey() {
		return "privacy.agreement.status." + name().toLowerCase();
	}

}
