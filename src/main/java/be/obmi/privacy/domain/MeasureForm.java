package be.obmi.privacy.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A measure as typed on the DPIA page, with the version the editor loaded (0 for a new
 * one); a null status is {@link MeasureStatus#PLANNED}.
 */
public record MeasureForm(@NotBlank(message = "{privacy.dpia.measure.title.required}") @Size(max = 300) String title,
		@Size(max = 10000) String description, @Size(max = 200) String owner,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, MeasureStatus status,
		int version) {
}
