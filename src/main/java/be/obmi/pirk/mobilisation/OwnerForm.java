package be.obmi.pirk.mobilisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An owner as the case page edits it.
 *
 * @param version the version loaded, null for a new owner
 */
public record OwnerForm(@NotBlank(message = "{pirk.owner.name.required}") @Size(max = 200) String name,
		@Pattern(regexp = "PERSON|COMPANY|PUBLIC_BODY") String kind, @Size(max = 200) String street,
		@Size(max = 10) String postcode, @Size(max = 100) String municipality,
		@Email(message = "{pirk.owner.email.invalid}") @Size(max = 200) String email, @Size(max = 40) String phone,
		@Size(max = 100) String share, Integer version) {

	public OwnerForm {
		kind = kind == null || kind.isBlank() ? "PERSON" : kind;
	}

	public static OwnerForm empty() {
		return new OwnerForm(null, "PERSON", null, null, null, null, null, null, null);
	}

}
