package be.obmi.rights.web;

import java.nio.charset.StandardCharsets;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DMN model of a rule version as a file, for an editor to change it in a DMN modeller
 * and upload it again as a new draft version (a city's members; another city's right
 * answers 404).
 */
@RestController
class RightsDmnController {

	private final Rights rights;

	private final RuleVersions versions;

	RightsDmnController(Rights rights, RuleVersions versions) {
		this.rights = rights;
		this.versions = versions;
	}

	@GetMapping("/{slug}/rechten/{id}/regels/{versionId}/dmn")
	ResponseEntity<byte[]> dmn(Tenant tenant, @PathVariable long id, @PathVariable long versionId) {
		RightEntry right = rights.require(id, tenant.id());
		RuleVersion version = versions.require(right, versionId);
		if (!version.decisionTable()) {
			throw new NotFoundException(Reason.of("rights.refused.unknownVersion"));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + right.code() + "-" + version.validFrom() + ".dmn\"")
			.body(version.dmn().getBytes(StandardCharsets.UTF_8));
	}

}
