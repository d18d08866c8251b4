package be.obmi.pirk.register;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The administrative act that includes an object in the leegstandsregister: the register,
 * the act's reference and date, the first day of the established vacancy and, when known
 * already, the day the owner received the notice.
 */
public record InclusionForm(@NotNull(message = "{pirk.register.object.required}") Long objectId,
		@NotNull(message = "{pirk.register.register.required}") @Pattern(
				regexp = "LEEGSTAND_WONINGEN|LEEGSTAND_GEBOUWEN",
				message = "{pirk.register.register.required}") String register,
		@NotBlank(message = "{pirk.register.actReference.required}") @Size(max = 100,
				message = "{pirk.field.tooLong}") String actReference,
		@NotNull(message = "{pirk.register.actDate.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate actDate,
		@NotNull(message = "{pirk.register.vacantSince.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate vacantSince,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receiptDate) {

	public static InclusionForm empty(Long objectId, LocalDate vacantSince, LocalDate today) {
		return new InclusionForm(objectId, "LEEGSTAND_WONINGEN", null, today, vacantSince, null);
	}

}
