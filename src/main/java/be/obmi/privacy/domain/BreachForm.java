package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a breach, times in Belgian local time as a
 * {@code datetime-local} field sends them, with the version the editor loaded (0 for a
 * new one).
 */
public record BreachForm(
		@NotNull(message = "{privacy.breach.discoveredAt.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm",
				fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime discoveredAt,
		@NotBlank(message = "{privacy.breach.description.required}") @Size(max = 4000,
				message = "{privacy.field.tooLong}") String description,
		@NotNull(message = "{privacy.breach.nature.required}") @Pattern(
				regexp = "CONFIDENTIALITY|INTEGRITY|AVAILABILITY",
				message = "{privacy.breach.nature.required}") String nature,
		@Size(max = 1000, message = "{privacy.field.tooLong}") String subjectCategories,
		@PositiveOrZero(message = "{privacy.field.positive}") Integer subjectsCount,
		@PositiveOrZero(message = "{privacy.field.positive}") Integer recordsCount,
		@Size(max = 4000, message = "{privacy.field.tooLong}") String consequences,
		@Size(max = 4000, message = "{privacy.field.tooLong}") String measures,
		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm",
				fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime notifiedAt,
		@Size(max = 2000, message = "{privacy.field.tooLong}") String notNotifiedReason, Boolean informSubjects,
		@Size(max = 2000, message = "{privacy.field.tooLong}") String informReasoning,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate informedOn, boolean closed,
		List<Long> activityIds, int version) {

	public static BreachForm empty(LocalDateTime now) {
		return new BreachForm(now, null, null, null, null, null, null, null, null, null, null, null, null, false,
				List.of(), 0);
	}

	public static BreachForm of(Breach b, List<Long> activityIds) {
		return new BreachForm(Breaches.local(b.discoveredAt()), b.description(), b.nature(), b.subjectCategories(),
				b.subjectsCount(), b.recordsCount(), b.consequences(), b.measures(), Breaches.local(b.notifiedAt()),
				b.notNotifiedReason(), b.informSubjects(), b.informReasoning(), b.informedOn(), b.closed(), activityIds,
				b.version());
	}

}
