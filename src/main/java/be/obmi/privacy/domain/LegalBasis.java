package be.obmi.privacy.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The legal bases of GDPR art. 6(1) and the conditions of art. 9(2), by their terms in
 * the GDPR extension of W3C's Data Privacy Vocabulary ({@code eu-gdpr:A6-1-a} …). The
 * codes are what {@link ActivityContent#legalBases()} and
 * {@link ActivityContent#specialCategoryConditions()} hold; the labels are in the privacy
 * bundle ({@code privacy.legalBasis.<code>}).
 */
public enum LegalBasis {

	A6_1_A, A6_1_B, A6_1_C, A6_1_D, A6_1_E, A6_1_F, A9_2_A, A9_2_B, A9_2_C, A9_2_D, A9_2_E, A9_2_F, A9_2_G, A9_2_H,
	A9_2_I, A9_2_J;

	/** The namespace of the DPV GDPR extension. */
	public static final String NAMESPACE = "https://w3id.org/dpv/legal/eu/gdpr#";

	/** The DPV-GDPR code, e.g. {@code A6-1-a}. */
	public String code() {
		String[] parts = name().split("_");
		return parts[0] + "-" + parts[1] + "-" + parts[2].toLowerCase();
	}

	/** The DPV-GDPR term, e.g. {@code https://w3id.org/dpv/legal/eu/gdpr#A6-1-a}. */
	public String iri() {
		return NAMESPACE + code();
	}

	/** Whether this is a condition of art. 9(2) rather than a basis of art. 6(1). */
	public boolean specialCategory() {
		return name().startsWith("A9");
	}

	/** The label's message key in the privacy bundle. */
	public String messageKey() {
		return "privacy.legalBasis." + code();
	}

	public static Optional<LegalBasis> byCode(String code) {
		return Arrays.stream(values())
			.filter(b -> b.code().equalsIgnoreCase(code == null ? "" : code.strip()))
			.findFirst();
	}

	/** The art. 6(1) bases. */
	public static List<LegalBasis> article6() {
		return Arrays.stream(values()).filter(b -> !b.specialCategory()).toList();
	}

	/** The art. 9(2) conditions. */
	public static List<LegalBasis> article9() {
		return Arrays.stream(values()).filter(LegalBasis::specialCategory).toList();
	}

}
