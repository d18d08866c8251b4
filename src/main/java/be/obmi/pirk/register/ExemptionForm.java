package be.obmi.pirk.register;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/** An exemption from the levy: its ground and period, with a note. */
public record ExemptionForm(
		@NotNull(message = "{pirk.register.exemption.kind.required}") @Pattern(
				regexp = "RENOVATION|DISASTER|PROTECTED_MONUMENT|NEW_OWNER|CARE|EXPROPRIATION|OTHER",
				message = "{pirk.register.exemption.kind.required}") String kind,
		@NotNull(message = "{pirk.register.exemption.from.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@NotNull(message = "{pirk.register.exemption.to.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
		@Size(max = 2000, message = "{pirk.field.tooLong}") String note) {

	/** The grounds of exemption. */
	public static final String[] KINDS = { "RENOVATION", "DISASTER", "PROTECTED_MONUMENT", "NEW_OWNER", "CARE",
			"EXPROPRIATION", "OTHER" };

}
