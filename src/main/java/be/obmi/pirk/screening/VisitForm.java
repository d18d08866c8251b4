package be.obmi.pirk.screening;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff record after visiting a suspected object: when, who went, what they found
 * ({@code CONFIRMED} vacant, {@code PARTLY_VACANT} with the vacant share in percent, or
 * {@code DISMISSED}: in use) and a note; with the object's version they saw.
 */
public record VisitForm(
		@NotNull(message = "{pirk.screening.visitedOn.required}") @PastOrPresent(
				message = "{pirk.screening.visitedOn.future}") @PlausibleDate @DateTimeFormat(
						iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
		@NotBlank(message = "{pirk.screening.visitor.required}") @Size(max = 200,
				message = "{pirk.field.tooLong}") String visitor,
		@NotNull(message = "{pirk.screening.outcome.required}") @Pattern(regexp = "CONFIRMED|PARTLY_VACANT|DISMISSED",
				message = "{pirk.screening.outcome.required}") String outcome,
		@Min(value = 1, message = "{pirk.screening.share.range}") @Max(value = 99,
				message = "{pirk.screening.share.range}") Integer vacantShare,
		@Size(max = 4000, message = "{pirk.field.tooLong}") String note, int version) {

	public static VisitForm empty(LocalDate today, String visitor, int version) {
		return new VisitForm(today, visitor, null, null, null, version);
	}

}
