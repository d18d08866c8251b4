package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The editable fields of a plan item, with the version the editor loaded (for optimistic locking). */
public record PlanItemForm(@NotBlank(message = "Titel is verplicht.") @Size(max = 500) String title,
		String description, boolean priority, String policyField, String politicalOwner, String administrativeOwner,
		String contributor, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, String tags, String wijk,
		@DecimalMin(value = "-90", message = "Breedtegraad ligt tussen -90 en 90.") @jakarta.validation.constraints.DecimalMax(value = "90", message = "Breedtegraad ligt tussen -90 en 90.") Double latitude,
		@DecimalMin(value = "-180", message = "Lengtegraad ligt tussen -180 en 180.") @jakarta.validation.constraints.DecimalMax(value = "180", message = "Lengtegraad ligt tussen -180 en 180.") Double longitude,
		@NotNull(message = "Gewicht is verplicht.") @DecimalMin(value = "0", message = "Gewicht mag niet negatief zijn.") BigDecimal weight,
		int version) {

	public static PlanItemForm of(PlanItem item) {
		return new PlanItemForm(item.title(), item.description(), item.priority(), item.policyField(),
				item.politicalOwner(), item.administrativeOwner(), item.contributor(), item.startDate(), item.endDate(),
				item.tags(), item.wijk(), item.latitude(), item.longitude(), item.weight(), item.version());
	}

}
