package be.obmi.datasources.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.RequestForm;
import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.SourceForm;
import be.obmi.datasources.domain.Sources;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ApiProblem;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Datapedia's API: the public catalogue ({@code /api/v1/datapedia/bronnen}, internal
 * sources only for those who may see them), a city's own sources (its redacteurs write)
 * and the joint data requests as a city takes part in them (draft, join, leave, comment).
 * A step the state does not allow answers 409, as does a stale version.
 */
@RestController
class DatapediaApiController {

	/** A comment's text. */
	record CommentBody(String body) {
	}

	private final Sources sources;

	private final DataRequests requests;

	private final Viewers viewers;

	private final TenantAccess access;

	private final DatapediaJson json;

	private final MessageSource messages;

	DatapediaApiController(Sources sources, DataRequests requests, Viewers viewers, TenantAccess access,
			DatapediaJson json, MessageSource messages) {
		this.sources = sources;
		this.requests = requests;
		this.viewers = viewers;
		this.access = access;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/api/v1/datapedia/bronnen")
	List<Map<String, Object>> catalogue(@RequestParam(required = false) String q,
			@RequestParam(required = false) String niveau, @RequestParam(required = false) String eigenaar) {
		return sources.visible(viewers.current(), new Sources.Filter(q, niveau, eigenaar))
			.stream()
			.map(s -> json.source(s, null))
			.toList();
	}

	@GetMapping("/api/v1/datapedia/bronnen/{id}")
	Map<String, Object> source(@PathVariable long id) {
		Source source = sources.require(id, viewers.current());
		return json.source(source, sources.indicatorNames(source));
	}

	@GetMapping("/api/v1/{slug}/datapedia/bronnen")
	List<Map<String, Object>> citySources(Tenant tenant) {
		return sources.visible(viewers.current(), Sources.Filter.none())
			.stream()
			.filter(s -> s.platform() || s.tenantId() == tenant.id())
			.map(s -> json.source(s, null))
			.toList();
	}

	@PostMapping("/api/v1/{slug}/datapedia/bronnen")
	ResponseEntity<Map<String, Object>> createSource(Tenant tenant, @RequestBody SourceForm form) {
		access.require(tenant.slug(), Role.REDACTEUR);
		Source created = sources.create(tenant.id(), form, false, viewers.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(json.source(created, sources.indicatorNames(created)));
	}

	@PutMapping("/api/v1/{slug}/datapedia/bronnen/{id}")
	Map<String, Object> updateSource(Tenant tenant, @PathVariable long id, @RequestParam int version,
			@RequestBody SourceForm form) {
		access.require(tenant.slug(), Role.REDACTEUR);
		Source saved = sources.update(own(tenant, id), form, version, viewers.actor());
		return json.source(saved, sources.indicatorNames(saved));
	}

	@GetMapping("/api/v1/{slug}/datapedia/aanvragen")
	List<Map<String, Object>> requests(Tenant tenant) {
		return requests.all().stream().map(r -> json.request(r, requests, false)).toList();
	}

	@PostMapping("/api/v1/{slug}/datapedia/aanvragen")
	ResponseEntity<Map<String, Object>> createRequest(Tenant tenant, @RequestBody RequestForm form) {
		access.require(tenant.slug(), Role.REDACTEUR);
		DataRequest created = requests.create(tenant.id(), form, false, viewers.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(json.request(created, requests, true));
	}

	@GetMapping("/api/v1/{slug}/datapedia/aanvragen/{id}")
	Map<String, Object> request(Tenant tenant, @PathVariable long id) {
		return json.request(requests.require(id), requests, true);
	}

	@PutMapping("/api/v1/{slug}/datapedia/aanvragen/{id}")
	Map<String, Object> updateRequest(Tenant tenant, @PathVariable long id, @RequestParam int version,
			@RequestBody RequestForm form) {
		access.require(tenant.slug(), Role.REDACTEUR);
		DataRequest request = requests.require(id);
		if (request.tenantId() != tenant.id()) {
			throw new RefusedStateException(Reason.of("datasources.refused.notInitiator"));
		}
		return json.request(requests.update(request, form, version, viewers.actor()), requests, true);
	}

	@PostMapping("/api/v1/{slug}/datapedia/aanvragen/{id}/deelnemen")
	Map<String, Object> join(Tenant tenant, @PathVariable long id) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return json.request(requests.join(id, tenant.id(), viewers.actor()), requests, true);
	}

	@PostMapping("/api/v1/{slug}/datapedia/aanvragen/{id}/verlaten")
	Map<String, Object> leave(Tenant tenant, @PathVariable long id) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return json.request(requests.leave(id, tenant.id(), viewers.actor()), requests, true);
	}

	@PostMapping("/api/v1/{slug}/datapedia/aanvragen/{id}/opmerkingen")
	ResponseEntity<Map<String, Object>> comment(Tenant tenant, @PathVariable long id, @RequestBody CommentBody body) {
		access.require(tenant.slug(), Role.REDACTEUR);
		requests.comment(id, tenant.id(), body.body(), viewers.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(json.request(requests.require(id), requests, true));
	}

	/** A step the request's state does not allow: 409 with the reason. */
	@ExceptionHandler(RefusedStateException.class)
	ResponseEntity<?> refusedState(RefusedStateException ex, Locale locale) {
		return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
	}

	/** A source of the city itself; another's (or a platform source) is 404 here. */
	private Source own(Tenant tenant, long id) {
		return sources.find(id)
			.filter(s -> s.tenantId() != null && s.tenantId() == tenant.id())
			.orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownSource")));
	}

}
