package be.obmi.plan.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import be.obmi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a release: title, planned and realised date and the project of
 * the same item it belongs to (none: null), with the version the editor loaded (0 for a
 * new one). The messages of its checks are codes of the plan bundle.
 */
public record ReleaseForm(
		@NotBlank(message = "{plan.release.title.required}") @Size(max = 300,
				message = "{plan.release.title.size}") String title,
		@NotNull(message = "{plan.release.planned.required}") @PlausibleDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actualDate, Long projectId,
		int version) {

	public static ReleaseForm empty() {
		return new ReleaseForm(null, null, null, null, 0);
	}

	public static ReleaseForm of(Release release) {
		return new ReleaseForm(release.title(), release.plannedDate(), release.actualDate(), release.projectId(),
				release.version());
	}

}
