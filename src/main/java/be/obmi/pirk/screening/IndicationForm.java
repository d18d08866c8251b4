package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An indication entered by hand: the object, kind, period, value (months, m³ or kWh;
 * empty for a report or observation), who reported it and a note.
 */
public record IndicationForm(@NotNull(message = "{pirk.indication.object.required}") Long objectId,
		@NotBlank(message = "{pirk.indication.kind.required}") @Size(max = 40) String kind,
		@NotNull(message = "{pirk.indication.periodFrom.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
		@NotNull(message = "{pirk.indication.periodTo.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
		@DecimalMin(value = "0", message = "{pirk.indication.value.range}") @DecimalMax(value = "99999999999",
				message = "{pirk.indication.value.range}") BigDecimal value,
		@Size(max = 200, message = "{pirk.field.tooLong}") String source,
		@Size(max = 2000, message = "{pirk.field.tooLong}") String note) {

	public static IndicationForm empty(Long objectId) {
		return new IndicationForm(objectId, null, null, null, null, null, null);
	}

	/** The period must not end before it starts. */
	@AssertTrue(message = "{pirk.indication.period.reversed}")
	public boolean isPeriodInOrder() {
		return periodFrom == null || periodTo == null || !periodTo.isBefore(periodFrom);
	}

	/** The kind must be known; a measured kind needs a value. */
	@AssertTrue(message = "{pirk.indication.value.required}")
	public boolean isValuePresent() {
		IndicationKind k = IndicationKind.parse(kind).orElse(null);
		return k == null || !k.measured() || value != null;
	}

	/** As stored. */
	public IndicationDraft draft() {
		IndicationKind k = IndicationKind.parse(kind)
			.orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind));
		return new IndicationDraft(objectId, k, periodFrom, periodTo, k.measured() ? value : BigDecimal.ONE, source,
				note, false);
	}

}
