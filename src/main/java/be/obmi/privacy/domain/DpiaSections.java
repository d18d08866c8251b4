package be.obmi.privacy.domain;

import jakarta.validation.constraints.Size;

/**
 * The written sections of a DPIA: its context and the necessity and proportionality of
 * the processing (purpose limitation, minimisation, retention, legal basis, information
 * of the data subjects and their rights).
 */
public record DpiaSections(@Size(max = 20000) String context, @Size(max = 20000) String purposeLimitation,
		@Size(max = 20000) String minimisation, @Size(max = 20000) String retention,
		@Size(max = 20000) String legalBasis, @Size(max = 20000) String information, @Size(max = 20000) String rights,
		int version) {
}
