package be.obmi.privacy.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a data subject's request, with the version the editor loaded (0
 * for a new one). The requester is a short reference (a file number), never an address:
 * no more personal data than the follow-up needs.
 */
public record SubjectRequestForm(
		@NotBlank(message = "{privacy.request.reference.required}") @Size(max = 100,
				message = "{privacy.field.tooLong}") @Pattern(regexp = "[^@\\r\\n]*",
						message = "{privacy.request.reference.minimal}") String reference,
		@NotNull(message = "{privacy.request.kind.required}") @Pattern(
				regexp = "ACCESS|RECTIFICATION|ERASURE|RESTRICTION|OBJECTION|PORTABILITY",
				message = "{privacy.request.kind.required}") String kind,
		@NotNull(message = "{privacy.request.receivedOn.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
		boolean identityVerified,
		@Min(value = 0, message = "{privacy.request.extension.range}") @Max(value = 2,
				message = "{privacy.request.extension.range}") int extensionMonths,
		@Size(max = 2000, message = "{privacy.field.tooLong}") String extensionReason,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
		@Size(max = 2000, message = "{privacy.field.tooLong}") String outcome, int version) {

	public static SubjectRequestForm empty(LocalDate today) {
		return new SubjectRequestForm(null, "ACCESS", today, false, 0, null, null, null, 0);
	}

	public static SubjectRequestForm of(SubjectRequest r) {
		return new SubjectRequestForm(r.reference(), r.kind(), r.receivedOn(), r.identityVerified(),
				r.extensionMonths(), r.extensionReason(), r.answeredOn(), r.outcome(), r.version());
	}

}
