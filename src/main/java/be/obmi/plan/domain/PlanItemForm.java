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
 * locking). The messages of its checks are codes of the plan bundle, resolved in the
 * user's language.
 */
public record PlanItemForm(@NotBlank(message = "{plan.item.title.required}") @Size(max = 500) String title,
		@Size(max = 20000) String description, boolean priority, @Size(max = 200) String policyField,
		@Size(max = 200) String politicalOwner, @Size(max = 200) String administrativeOwner,
		@Size(max = 200) String contributor,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, @Size(max = 500) String tags,
		@Size(max = 200) String wijk,
		@DecimalMin(value = "-90", message = "{plan.item.latitude.range}") @DecimalMax(value = "90",
				message = "{plan.item.latitude.range}") Double latitude,
		@DecimalMin(value = "-180", message = "{plan.item.longitude.range}") @DecimalMax(value = "180",
				message = "{plan.item.longitude.range}") Double longitude,
		@NotNull(message = "{plan.item.weight.required}") @DecimalMin(value = "0",
				message = "{plan.item.weight.negative}") @DecimalMax(value = "1000",
						message = "{plan.item.weight.range}") BigDecimal weight,
		int version) {

	public static PlanItemForm of(PlanItem item) {
		return new PlanItemForm(item.title(), item.description(), item.priority(), item.policyField(),
				item.politicalOwner(), item.administrativeOwner(), item.contributor(), item.startDate(), item.endDate(),
				item.tags(), item.wijk(), item.latitude(), item.longitude(), item.weight(), item.version());
	}

	/** The same values as read at another version (a form that only changes a field). */
	public PlanItemForm withVersion(int other) {
		return new PlanItemForm(title, description, priority, policyField, politicalOwner, administrativeOwner,
				contributor, startDate, endDate, tags, wijk, latitude, longitude, weight, other);
	}

}
