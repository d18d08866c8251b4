package be.obmi.privacy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One immutable version of a processing activity, for the exports' version sheet and the
 * Processing Activities Register API's version list.
 */
public record RegisterVersion(UUID publicId, int number, LocalDate validFrom, String createdBy, Instant createdAt,
		ActivityContent content) {

}
