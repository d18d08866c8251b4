package be.obmi.population.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.identity.TenantFunction;
import be.obmi.population.domain.Derivations;
import be.obmi.population.domain.Snapshots;
import be.obmi.population.importing.RegisterImports;
import be.obmi.shared.PlausibleDate;
import be.obmi.tenancy.Tenant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The analyst's API of the population register (function {@link TenantFunction#ANALYST}
 * only): upload an extract as the snapshot of a reference date (multipart {@code file},
 * {@code peildatum}; the indicators are derived from it at once unless
 * {@code afleiden=false}), derive again, and list snapshots and runs. Every answer holds
 * counts, dates and hashes of definitions, never a microdata row.
 */
@RestController
class PopulationApiController {

	/** What an upload did: the import's summary and the derivation run (or null). */
	record Uploaded(RegisterImports.Summary imported, Derivations.Run derivation) {
	}

	private final RegisterImports imports;

	private final Derivations derivations;

	private final Snapshots snapshots;

	private final TenantAccess access;

	PopulationApiController(RegisterImports imports, Derivations derivations, Snapshots snapshots,
			TenantAccess access) {
		this.imports = imports;
		this.derivations = derivations;
		this.snapshots = snapshots;
		this.access = access;
	}

	@PostMapping("/api/v1/{slug}/bevolking/extracten")
	Uploaded upload(Tenant tenant, @RequestParam MultipartFile file,
			@RequestParam @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum,
			@RequestParam(defaultValue = "true") boolean afleiden) throws IOException {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.ANALYST);
		RegisterImports.Summary summary = imports.importExtract(tenant, peildatum, file.getOriginalFilename(), file,
				user.getUsername());
		return new Uploaded(summary, afleiden ? derivations.derive(tenant, peildatum, user.getUsername()) : null);
	}

	@GetMapping("/api/v1/{slug}/bevolking/extracten")
	List<Snapshots.Snapshot> snapshots(Tenant tenant) {
		access.require(tenant.slug(), TenantFunction.ANALYST);
		return snapshots.list(tenant);
	}

	@PostMapping("/api/v1/{slug}/bevolking/afleidingen")
	Derivations.Run derive(Tenant tenant,
			@RequestParam @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum) {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.ANALYST);
		return derivations.derive(tenant, peildatum, user.getUsername());
	}

	@GetMapping("/api/v1/{slug}/bevolking/afleidingen")
	List<Derivations.Run> runs(Tenant tenant) {
		access.require(tenant.slug(), TenantFunction.ANALYST);
		return derivations.runs(tenant);
	}

}
