package be.obmi.datasources.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a data team or the Kenniscentrum fills in for a source (page form and API body
 * alike).
 *
 * @param indicators the codes of the Stad in cijfers indicators derived from it
 */
public record SourceForm(String code, String name, String nameEn, String supplier, String content, String contentEn,
		String detailLevel, String areaCovered, String periodicity,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextDelivery, String licence,
		String licenceUrl, String accessConditions, String contact, String qualityIssues, String url,
		boolean publicSource, List<String> indicators) {

	static final Set<String> LEVELS = Set.of("ATOMIC", "SECTOR", "MUNICIPALITY");

	static final Set<String> PERIODICITIES = Set.of("MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "IRREGULAR");

	public SourceForm {
		code = trim(code);
		name = trim(name);
		nameEn = trim(nameEn);
		supplier = trim(supplier);
		content = trim(content);
		contentEn = trim(contentEn);
		detailLevel = trim(detailLevel);
		areaCovered = trim(areaCovered);
		periodicity = trim(periodicity);
		licence = trim(licence);
		licenceUrl = trim(licenceUrl);
		accessConditions = trim(accessConditions);
		contact = trim(contact);
		qualityIssues = trim(qualityIssues);
		url = trim(url);
		Set<String> codes = new LinkedHashSet<>();
		for (String indicator : indicators == null ? List.<String>of() : indicators) {
			for (String part : indicator == null ? new String[0] : indicator.split("[,\\s]+")) {
				if (!part.isBlank()) {
					codes.add(part.strip());
				}
			}
		}
		indicators = List.copyOf(new ArrayList<>(codes));
	}

	/** An empty form for a new source. */
	public static SourceForm empty() {
		return new SourceForm("", "", "", "", "", "", "MUNICIPALITY", "", "ANNUAL", null, "", "", "", "", "", "", false,
				List.of());
	}

	/** The form with a source's values, to edit it. */
	public static SourceForm of(Source s, List<String> indicators) {
		return new SourceForm(s.code(), s.name(), s.nameEn(), s.supplier(), s.content(), s.contentEn(), s.detailLevel(),
				s.areaCovered(), s.periodicity(), s.nextDelivery(), s.licence(), s.licenceUrl(), s.accessConditions(),
				s.contact(), s.qualityIssues(), s.url(), s.publicSource(), indicators);
	}

	/** The indicator codes as one text, for the page's field. */
	public String indicatorText() {
		return String.join(", ", indicators);
	}

	/**
	 * @throws RefusedValueException for the first value the rules refuse
	 */
	void check() {
		if (!code.matches("[a-z0-9-]{2,80}")) {
			throw new RefusedValueException(Reason.of("datasources.refused.code"));
		}
		required(name, "datasources.refused.required.name");
		required(supplier, "datasources.refused.required.supplier");
		if (!LEVELS.contains(detailLevel)) {
			throw new RefusedValueException(Reason.of("datasources.refused.level"));
		}
		if (!PERIODICITIES.contains(periodicity)) {
			throw new RefusedValueException(Reason.of("datasources.refused.periodicity"));
		}
		for (String text : List.of(content, contentEn, accessConditions, qualityIssues)) {
			if (text.length() > 4000) {
				throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
			}
		}
		for (String text : List.of(nameEn, areaCovered, licence, contact)) {
			if (text.length() > 300) {
				throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
			}
		}
		for (String address : List.of(licenceUrl, url)) {
			if (!address.isEmpty() && (!address.matches("https?://\\S+") || address.length() > 500)) {
				throw new RefusedValueException(Reason.of("datasources.refused.url"));
			}
		}
		for (String indicator : indicators) {
			if (indicator.length() > 200) {
				throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
			}
		}
	}

	static void required(String value, String code) {
		if (value.isEmpty()) {
			throw new RefusedValueException(Reason.of(code));
		}
		if (value.length() > 300) {
			throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
		}
	}

	static String trim(String value) {
		return value == null ? "" : value.strip();
	}

}
