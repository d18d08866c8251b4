package be.obmi.rights.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.rights.catalogue.ExampleResult;
import be.obmi.rights.catalogue.ExamplesFailedException;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.shared.ApiProblem;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue for programs: a city's rights (its own and the shared ones) and the
 * publication of a rule version, refused with 409 and the failing example households
 * named when one fails.
 */
@RestController
@RequestMapping("/api/v1/{slug}/rechten")
class RightsApiController {

	private final TenantAccess access;

	private final Rights rights;

	private final RuleVersions versions;

	private final MessageSource messages;

	RightsApiController(TenantAccess access, Rights rights, RuleVersions versions, MessageSource messages) {
		this.access = access;
		this.rights = rights;
		this.versions = versions;
		this.messages = messages;
	}

	@GetMapping
	List<Map<String, Object>> list(Tenant tenant) {
		return rights.visibleTo(tenant.id()).stream().map(RightsApiController::json).toList();
	}

	@PostMapping("/{id}/regels/{versionId}/publiceren")
	ResponseEntity<?> publish(Tenant tenant, @PathVariable long id, @PathVariable long versionId, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = rights.require(id, tenant.id());
		if (right.shared()) {
			return ApiProblem.of(HttpStatus.CONFLICT,
					messages.getMessage(Reason.of("rights.refused.sharedRight"), locale));
		}
		try {
			RuleVersion published = versions.publish(right, versionId);
			return ResponseEntity.ok(Map.of("id", published.id(), "state", published.state()));
		}
		catch (ExamplesFailedException ex) {
			List<Map<String, Object>> failing = ex.failing().stream().map(RightsApiController::json).toList();
			return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale), failing);
		}
		catch (RefusedStateException ex) {
			return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
		}
	}

	private static Map<String, Object> json(RightEntry right) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", right.id());
		json.put("code", right.code());
		json.put("title", right.title());
		json.put("level", right.level());
		json.put("shared", right.shared());
		json.put("state", right.state());
		json.put("legalBasis", right.legalUrl());
		return json;
	}

	private static Map<String, Object> json(ExampleResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("example", result.example().name());
		json.put("expected", result.example().expected());
		json.put("actual", result.actual() == null ? null : result.actual().name());
		return json;
	}

}
