package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.DecimalMax;

/**
 * The editable fields of a plan item, with the version the editor loaded (for optimistic
 * locking).
 */
public record PlanItemForm(@NotBlank(message = "Titel is verplicht.") @Size(max = 500) String title,
		@Size(max = 20000) String description, boolean priority, @Size(max = 200) String policyField,
		@Size(max = 200) String politicalOwner, @Size(max = 200) String administrativeOwner,
		@Size(max = 200) String contributor,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, @Size(max = 500) String tags,
		@Size(max = 200) String wijk,
		@DecimalMin(value = "-90", message = "Breedtegraad ligt tussen -90 en 90.") @DecimalMax(value = "90",
				message = "Breedtegraad ligt tussen -90 en 90.") Double latitude,
		@DecimalMin(value = "-180", message = "Lengtegraad ligt tussen -180 en 180.") @DecimalMax(value = "180",
				message = "Lengtegraad ligt tussen -180 en 180.") Double longitude,
		@NotNull(message = "Gewicht is verplicht.") @DecimalMin(value = "0",
				message = "Gewicht mag niet negatief zijn.") @DecimalMax(value = "1000",
						message = "Gewicht ligt tussen 0 en 1000.") BigDecimal weight,
		int version) {

	public static PlanItemForm of(PlanItem item) {
		return new PlanItemForm(item.title(), item.description(), item.priority(), item.policyField(),
				item.politicalOwner(), item.administrativeOwner(), item.contributor(), item.startDate(), item.endDate(),
				item.tags(), item.wijk(), item.latitude(), item.longitude(), item.weight(), item.version());
	}

}
