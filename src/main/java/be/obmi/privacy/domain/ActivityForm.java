package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A processing activity as its form shows it: lists one item per line, data categories as
 * lines {@code name;gevoelig (ja/nee);bewaartermijn}, transfers as lines
 * {@code land;waarborg} (ISO 3166 alpha-2 code), legal bases as DPV-GDPR codes. Used by
 * the register's edit page and the Kenniscentrum's template page.
 */
public record ActivityForm(String name, String purpose, List<String> legalBases, List<String> specialCategoryConditions,
		String dataSubjects, String dataCategories, String recipients, String transfers, String retention,
		String securityMeasures, String responsibleService, String systems, String source, String controller,
		String dpoContact, Register register, Audience audience, Long organisationId, OrganisationRole role,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, Integer version) {

	/** The longest text of one field. */
	public static final int MAX_TEXT = 4000;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	public ActivityForm {
		legalBases = legalBases == null ? List.of() : legalBases;
		specialCategoryConditions = specialCategoryConditions == null ? List.of() : specialCategoryConditions;
	}

	/** The form of an activity's content and its register fields. */
	public static ActivityForm of(ActivityContent c, Register register, Audience audience, Long organisationId,
			OrganisationRole role, Integer version) {
		return new ActivityForm(c.name(), c.purpose(), c.legalBases(), c.specialCategoryConditions(),
				lines(c.dataSubjects()),
				String.join("\n",
						c.dataCategories()
							.stream()
							.map(d -> d.name() + ";" + (d.sensitive() ? "ja" : "nee")
									+ (d.retention() == null ? "" : ";" + d.retention()))
							.toList()),
				lines(c.recipients()),
				String.join("\n", c.transfers().stream().map(t -> t.country() + ";" + t.safeguard()).toList()),
				c.retention(), lines(c.securityMeasures()), c.responsibleService(), lines(c.systems()), c.source(),
				c.controller(), c.dpoContact(), register, audience, organisationId, role, null, version);
	}

	/** An empty form for a new activity. */
	public static ActivityForm empty() {
		return of(new ActivityContent(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null), Register.CONTROLLER, Audience.CITIZENS, null, OrganisationRole.CONTROLLER, null);
	}

	/**
	 * The content the form describes.
	 * @throws RefusedValueException for an unknown legal basis, a bad data-category or
	 * transfer line, an unknown country or a text that is too long
	 */
	public ActivityContent content() {
		return new ActivityContent(text(name), text(purpose), bases(legalBases, false),
				bases(specialCategoryConditions, true), split(dataSubjects), categories(), split(recipients),
				transferList(), text(retention), split(securityMeasures), text(responsibleService), split(systems),
				text(source), text(controller), text(dpoContact));
	}

	private static String lines(List<String> items) {
		return String.join("\n", items);
	}

	private static String text(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw new RefusedValueException(Reason.of("privacy.refused.tooLong", MAX_TEXT));
		}
		return value.strip();
	}

	static List<String> split(String value) {
		if (value == null) {
			return List.of();
		}
		text(value);
		return Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> bases(List<String> codes, boolean article9) {
		List<String> result = new ArrayList<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (code == null || code.isBlank()) {
				continue;
			}
			LegalBasis basis = LegalBasis.byCode(code)
				.filter(b -> b.specialCategory() == article9)
				.orElseThrow(() -> new RefusedValueException(Reason.of("privacy.refused.legalBasis", code)));
			if (!result.contains(basis.code())) {
				result.add(basis.code());
			}
		}
		return result;
	}

	private List<ActivityContent.DataCategory> categories() {
		List<ActivityContent.DataCategory> result = new ArrayList<>();
		List<String> rows = split(dataCategories);
		for (int i = 0; i < rows.size(); i++) {
			String[] parts = rows.get(i).split(";", -1);
			String sensitive = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "nee";
			if (parts[0].isBlank() || parts.length > 3 || !Set.of("ja", "nee", "yes", "no", "").contains(sensitive)) {
				throw new RefusedValueException(Reason.of("privacy.refused.dataCategoryLine", i + 1, rows.get(i)));
			}
			String keep = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null;
			result.add(new ActivityContent.DataCategory(parts[0].strip(),
					sensitive.equals("ja") || sensitive.equals("yes"), keep));
		}
		return result;
	}

	private List<ActivityContent.Transfer> transferList() {
		List<ActivityContent.Transfer> result = new ArrayList<>();
		List<String> rows = split(transfers);
		for (int i = 0; i < rows.size(); i++) {
			String[] parts = rows.get(i).split(";", 2);
			String country = parts[0].strip().toUpperCase(Locale.ROOT);
			if (parts.length < 2 || parts[1].isBlank()) {
				throw new RefusedValueException(Reason.of("privacy.refused.transferLine", i + 1, rows.get(i)));
			}
			if (!COUNTRIES.contains(country)) {
				throw new RefusedValueException(Reason.of("privacy.refused.country", i + 1, parts[0].strip()));
			}
			result.add(new ActivityContent.Transfer(country, parts[1].strip()));
		}
		return result;
	}

}
