package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A processing activity as the register shows and exports it: its row in
 * {@code privacy.processing_activity}, the linked organisation acting (if any) and the
 * content of its current version.
 *
 * @param register {@code CONTROLLER} (art. 30(1)) or {@code PROCESSOR} (art. 30(2))
 * @param audience {@code CITIZENS} or {@code STAFF}: whose data
 * @param role the organisation's role: {@code CONTROLLER}, {@code JOINT_CONTROLLER},
 * {@code PROCESSOR}, {@code SUB_PROCESSOR}
 * @param state {@code DRAFT}, {@code COMPLETED} or {@code CHECKED}
 * @param validFrom the validity date of the current version
 * @param organisationName the linked organisation acting, or null for the city itself
 * @param organisationKbo its KBO number (ten digits), or null
 */
public record RegisterActivity(long id, UUID publicId, String register, String audience, String role, String state,
		boolean published, int currentVersion, LocalDate validFrom, String organisationName, String organisationKbo,
		ActivityContent content) {

	/** Whether the public register shows it: published and checked by the DPO. */
	public boolean shownInPublic() {
		return published && "CHECKED".equals(state);
	}

}
