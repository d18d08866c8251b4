package be.obmi.pirk.screening;

import java.util.Locale;
import java.util.Optional;

/**
 * What an indication of vacancy says, with its code in the import files (Dutch) and the
 * unit of its value.
 */
public enum IndicationKind {

	/** No registered resident; value = months without one at the end of the period. */
	NO_RESIDENT("GEEN_INWONER", "maanden"),
	/** Water consumption over the period in m³. */
	WATER("WATER", "m³"),
	/** Gas consumption over the period in kWh. */
	GAS("GAS", "kWh"),
	/** Electricity consumption over the period in kWh. */
	ELECTRICITY("ELEKTRICITEIT", "kWh"),
	/** A report by a city service (police, fire, housing inspection, …). */
	SERVICE_REPORT("MELDING", ""),
	/** An observation in the field (closed shutters, mail piling up, …). */
	FIELD_OBSERVATION("VELDWAARNEMING", "");

	private final String code;

	private final String unit;

	IndicationKind(String code, String unit) {
		this.code = code;
		this.unit = unit;
	}

	/** The code in import files, e.g. {@code GEEN_INWONER}. */
	public String code() {
		return code;
	}

	/** The unit of the value; empty for a report or observation (value 1 or none). */
	public String unit() {
		return unit;
	}

	/** Whether the indication carries a measured value (months, m³, kWh). */
	public boolean measured() {
		return !unit.isEmpty();
	}

	public String messageKey() {
		return "pirk.indication.kind." + name().toLowerCase(Locale.ROOT);
	}

	/** By its Dutch code or its name, in any case. */
	public static Optional<IndicationKind> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
		for (IndicationKind kind : values()) {
			if (kind.code.equals(wanted) || kind.name().equals(wanted)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
