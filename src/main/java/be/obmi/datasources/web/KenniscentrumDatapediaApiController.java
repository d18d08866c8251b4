package be.obmi.datasources.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.SourceForm;
import be.obmi.datasources.domain.Sources;
import be.obmi.datasources.importing.DeliveredFileImport;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ApiProblem;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Kenniscentrum's side of the Datapedia's API (Kenniscentrum editors and platform
 * admins): the platform's sources, the steps of a joint data request (send, answer,
 * deliver, refuse) and the import of the delivered file for every city that joined.
 */
@RestController
@RequestMapping("/api/v1/kenniscentrum/datapedia")
class KenniscentrumDatapediaApiController {

	/**
	 * A step: the state to move to, the version the caller saw (optional) and the
	 * supplier's answer.
	 */
	record StepBody(String to, Integer version, String answer) {
	}

	private final Sources sources;

	private final DataRequests requests;

	private final DeliveredFileImport delivered;

	private final Viewers viewers;

	private final TenantAccess access;

	private final DatapediaJson json;

	private final MessageSource messages;

	KenniscentrumDatapediaApiController(Sources sources, DataRequests requests, DeliveredFileImport delivered,
			Viewers viewers, TenantAccess access, DatapediaJson json, MessageSource messages) {
		this.sources = sources;
		this.requests = requests;
		this.delivered = delivered;
		this.viewers = viewers;
		this.access = access;
		this.json = json;
		this.messages = messages;
	}

	@PostMapping("/bronnen")
	ResponseEntity<Map<String, Object>> createSource(@RequestBody SourceForm form) {
		access.requireKenniscentrum();
		Source created = sources.create(null, form, false, viewers.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(json.source(created, sources.indicatorNames(created)));
	}

	@PutMapping("/bronnen/{id}")
	Map<String, Object> updateSource(@PathVariable long id, @RequestParam int version, @RequestBody SourceForm form) {
		access.requireKenniscentrum();
		Source source = sources.find(id)
			.filter(Source::platform)
			.orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownSource")));
		Source saved = sources.update(source, form, version, viewers.actor());
		return json.source(saved, sources.indicatorNames(saved));
	}

	@PostMapping("/aanvragen/{id}/stap")
	Map<String, Object> step(@PathVariable long id, @RequestBody StepBody body) {
		access.requireKenniscentrum();
		return json.request(requests.move(id, body.to(), body.version(), body.answer(), viewers.actor()), requests,
				true);
	}

	@PostMapping("/aanvragen/{id}/opmerkingen")
	ResponseEntity<Map<String, Object>> comment(@PathVariable long id,
			@RequestBody DatapediaApiController.CommentBody body) {
		access.requireKenniscentrum();
		requests.comment(id, null, body.body(), viewers.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(json.request(requests.require(id), requests, true));
	}

	@PostMapping("/aanvragen/{id}/import")
	Map<String, Object> importFile(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
		access.requireKenniscentrum();
		requests.require(id);
		String name = file.getOriginalFilename() == null ? "levering.csv" : file.getOriginalFilename();
		return json.result(delivered.importFile(id, name, file.getBytes(), viewers.actor()));
	}

	/** A step the request's state does not allow: 409 with the reason. */
	@ExceptionHandler(RefusedStateException.class)
	ResponseEntity<?> refusedState(RefusedStateException ex, Locale locale) {
		return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
	}

}
