package be.obmi.pirk.web;

import java.io.IOException;
import java.time.LocalDate;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.shared.PlausibleDate;
import be.obmi.tenancy.Tenant;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A register extract uploaded through the API (multipart: {@code file}, {@code register},
 * {@code source}, {@code extractDate}): the import's summary as JSON, or 422 with every
 * error (row, column, reason in the client's language).
 */
@RestController
class RegisterImportApiController {

	private final RegisterImports imports;

	private final TenantAccess access;

	RegisterImportApiController(RegisterImports imports, TenantAccess access) {
		this.imports = imports;
		this.access = access;
	}

	@PostMapping("/api/v1/{slug}/pirk/import")
	RegisterImports.ImportSummary upload(Tenant tenant, @RequestParam MultipartFile file,
			@RequestParam(required = false) @Size(max = 40) String register,
			@RequestParam(required = false) @Size(max = 200) String source,
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate extractDate)
			throws IOException {
		access.require(tenant.slug(), Role.REDACTEUR);
		return imports.importFile(tenant, RegisterType.of(register).orElse(null), source, extractDate,
				file.getOriginalFilename(), file.getBytes(), false);
	}

}
