package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a processor agreement, with the version the editor loaded (0 for
 * a new one). The messages of its checks are codes of the privacy bundle.
 */
public record AgreementForm(
		@NotBlank(message = "{privacy.agreement.counterparty.required}") @Size(max = 300,
				message = "{privacy.field.tooLong}") String counterparty,
		@Size(max = 20, message = "{privacy.field.tooLong}") String kboNumber,
		@NotNull(message = "{privacy.agreement.cityRole.required}") @Pattern(regexp = "CONTROLLER|PROCESSOR",
				message = "{privacy.agreement.cityRole.required}") String cityRole,
		@Size(max = 200, message = "{privacy.field.tooLong}") String template,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startOn,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endOn,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate renewalOn,
		@Size(max = 4000, message = "{privacy.field.tooLong}") String subProcessors,
		@Size(max = 100, message = "{privacy.field.tooLong}") String transferCountry,
		@Size(max = 300, message = "{privacy.field.tooLong}") String transferSafeguard, List<Long> activityIds,
		int version) {

	public static AgreementForm empty() {
		return new AgreementForm(null, null, "CONTROLLER", null, null, null, null, null, null, null, null, List.of(),
				0);
	}

	public static AgreementForm of(Agreement a, List<Long> activityIds) {
		return new AgreementForm(a.counterparty(), a.kboNumber(), a.cityRole(), a.template(), a.signedOn(), a.startOn(),
				a.endOn(), a.renewalOn(), a.subProcessors(), a.transferCountry(), a.transferSafeguard(), activityIds,
				a.version());
	}

}
