package be.obmi.buildings.web;

import java.util.List;

import be.obmi.buildings.gap.GapLine;
import be.obmi.buildings.gap.ProcessRecordImport;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.tenancy.Tenant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The register-gap indicator in the API: a city's shares, and the import of its
 * process-record list (a redacteur; 422 with every row error; the same file again changes
 * nothing).
 */
@RestController
@RequestMapping("/api/v1/{slug}/schillenboek")
class RegisterGapApiController {

	private final ProcessRecordImport imports;

	private final RegisterGap gap;

	private final TenantAccess access;

	RegisterGapApiController(ProcessRecordImport imports, RegisterGap gap, TenantAccess access) {
		this.imports = imports;
		this.gap = gap;
		this.access = access;
	}

	/** The answer to an import. */
	record Imported(Long importId, int records, List<String> processes, boolean unchanged, boolean published) {
	}

	@GetMapping("/registerkloof")
	List<GapLine> lines(Tenant tenant) {
		return gap.lines(tenant);
	}

	@PostMapping(path = "/procesrecords", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Imported importFile(Tenant tenant, @RequestParam("file") MultipartFile file) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		ProcessRecordImport.Result result = imports.importFile(tenant, file.getOriginalFilename(),
				RegisterGapController.bytes(file), actor, false);
		boolean published = result.imported().isPresent() && gap.publish(tenant, actor);
		return new Imported(result.imported().map(i -> i.id()).orElse(null), result.records(), result.processes(),
				result.imported().isEmpty(), published);
	}

}
