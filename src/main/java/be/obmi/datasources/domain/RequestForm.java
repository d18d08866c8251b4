package be.obmi.datasources.domain;

import be.obmi.shared.Period;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * What a data team writes in a joint data request: what, from which supplier (and source,
 * when it is in the catalogue), at which level of detail, for which periods.
 */
public record RequestForm(String title, String supplier, Long sourceId, String description, String detailLevel,
		String periodFrom, String periodTo) {

	public RequestForm {
		title = SourceForm.trim(title);
		supplier = SourceForm.trim(supplier);
		description = SourceForm.trim(description);
		detailLevel = SourceForm.trim(detailLevel);
		periodFrom = SourceForm.trim(periodFrom);
		periodTo = SourceForm.trim(periodTo);
	}

	public static RequestForm empty() {
		return new RequestForm("", "", null, "", "SECTOR", "", "");
	}

	public static RequestForm of(DataRequest r) {
		return new RequestForm(r.title(), r.supplier(), r.sourceId(), r.description(), r.detailLevel(), r.periodFrom(),
				r.periodTo());
	}

	/**
	 * @throws RefusedValueException for the first value the rules refuse
	 */
	void check() {
		SourceForm.required(title, "datasources.refused.required.title");
		SourceForm.required(supplier, "datasources.refused.required.supplier");
		if (description.isEmpty()) {
			throw new RefusedValueException(Reason.of("datasources.refused.required.description"));
		}
		if (description.length() > 4000) {
			throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
		}
		if (!SourceForm.LEVELS.contains(detailLevel)) {
			throw new RefusedValueException(Reason.of("datasources.refused.level"));
		}
		Period from = Period.parse(periodFrom)
			.orElseThrow(() -> new RefusedValueException(Reason.of("datasources.refused.period", periodFrom)));
		Period to = Period.parse(periodTo)
			.orElseThrow(() -> new RefusedValueException(Reason.of("datasources.refused.period", periodTo)));
		if (from.year() > to.year()) {
			throw new RefusedValueException(Reason.of("datasources.refused.periodOrder"));
		}
	}

}
