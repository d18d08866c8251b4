package be.obmi.plan.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a project, with the version the editor loaded (0 for a new one).
 * The messages of its checks are codes of the plan bundle.
 */
public record ProjectForm(
		@NotBlank(message = "{plan.project.name.required}") @Size(max = 300,
				message = "{plan.project.name.size}") String name,
		@Size(max = 2000, message = "{plan.project.description.size}") String description,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actualDate, int version) {

	public static ProjectForm empty() {
		return new ProjectForm(null, null, null, null, 0);
	}

	public static ProjectForm of(Project project) {
		return new ProjectForm(project.name(), project.description(), project.plannedDate(), project.actualDate(),
				project.version());
	}

}
