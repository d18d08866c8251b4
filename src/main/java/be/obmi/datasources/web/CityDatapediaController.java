package be.obmi.datasources.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.RequestForm;
import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.SourceForm;
import be.obmi.datasources.domain.Sources;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's data team in the Datapedia ({@code /{slug}/datapedia}): the city's own sources
 * (members read, redacteurs edit) and the joint data requests (draft one, join or leave
 * another city's draft, comment).
 */
@Controller
@RequestMapping("/{slug}/datapedia")
class CityDatapediaController {

	private final Sources sources;

	private final DataRequests requests;

	private final TenantAccess access;

	private final Viewers viewers;

	private final RequestPage page;

	CityDatapediaController(Sources sources, DataRequests requests, TenantAccess access, Viewers viewers,
			RequestPage page) {
		this.sources = sources;
		this.requests = requests;
		this.access = access;
		this.viewers = viewers;
		this.page = page;
	}

	@ModelAttribute("editor")
	boolean editor(@PathVariable String slug) {
		return access.has(slug, Role.REDACTEUR);
	}

	@GetMapping
	String overview(Tenant tenant, Model model) {
		List<DataRequest> all = requests.all();
		Set<Long> joined = all.stream()
			.filter(r -> requests.cities(r.id()).stream().anyMatch(c -> c.tenantId() == tenant.id()))
			.map(DataRequest::id)
			.collect(Collectors.toSet());
		model.addAttribute("sources", sources.ofTenant(tenant.id()));
		model.addAttribute("requests", all);
		model.addAttribute("joined", joined);
		model.addAttribute("names", page.names());
		return "datasources/city";
	}

	@GetMapping("/bronnen/nieuw")
	String newSource(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return sourceForm(tenant, null, SourceForm.empty(), model);
	}

	@PostMapping("/bronnen/nieuw")
	String createSource(Tenant tenant, SourceForm form, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		String back = "/" + tenant.slug() + "/datapedia/bronnen/nieuw";
		return page.step(() -> "/datapedia/bronnen/" + sources.create(tenant.id(), form, false, viewers.actor()).id(),
				"datasources.done.saved", back, redirect, locale);
	}

	@GetMapping("/bronnen/{id}/bewerken")
	String editSource(Tenant tenant, @PathVariable long id, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		Source source = own(tenant, id);
		return sourceForm(tenant, source, SourceForm.of(source, sources.indicators(id)), model);
	}

	@PostMapping("/bronnen/{id}")
	String updateSource(Tenant tenant, @PathVariable long id, SourceForm form, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		String back = "/" + tenant.slug() + "/datapedia/bronnen/" + id + "/bewerken";
		return page.step(
				() -> "/datapedia/bronnen/" + sources.update(own(tenant, id), form, version, viewers.actor()).id(),
				"datasources.done.saved", back, redirect, locale);
	}

	@GetMapping("/aanvragen/nieuw")
	String newRequest(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		model.addAttribute("form", RequestForm.empty());
		model.addAttribute("catalogue", sources.visible(viewers.current(), Sources.Filter.none()));
		return "datasources/request-form";
	}

	@PostMapping("/aanvragen")
	String createRequest(Tenant tenant, RequestForm form, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return page.step(
				() -> "/" + tenant.slug() + "/datapedia/aanvragen/"
						+ requests.create(tenant.id(), form, false, viewers.actor()).id(),
				"datasources.done.drafted", "/" + tenant.slug() + "/datapedia/aanvragen/nieuw", redirect, locale);
	}

	@GetMapping("/aanvragen/{id}")
	String request(Tenant tenant, @PathVariable long id, Model model) {
		DataRequest request = requests.require(id);
		model.addAttribute("member", requests.cities(id).stream().anyMatch(c -> c.tenantId() == tenant.id()));
		model.addAttribute("base", "/" + tenant.slug() + "/datapedia/aanvragen/" + id);
		model.addAttribute("kenniscentrum", false);
		return page.show(request, model);
	}

	@PostMapping("/aanvragen/{id}/deelnemen")
	String join(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return page.step(() -> {
			requests.join(id, tenant.id(), viewers.actor());
			return null;
		}, "datasources.done.joined", back(tenant, id), redirect, locale);
	}

	@PostMapping("/aanvragen/{id}/verlaten")
	String leave(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return page.step(() -> {
			requests.leave(id, tenant.id(), viewers.actor());
			return null;
		}, "datasources.done.left", back(tenant, id), redirect, locale);
	}

	@PostMapping("/aanvragen/{id}/opmerkingen")
	String comment(Tenant tenant, @PathVariable long id, @RequestParam(defaultValue = "") String body,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return page.step(() -> {
			requests.comment(id, tenant.id(), body, viewers.actor());
			return null;
		}, "datasources.done.commented", back(tenant, id), redirect, locale);
	}

	private static String back(Tenant tenant, long id) {
		return "/" + tenant.slug() + "/datapedia/aanvragen/" + id;
	}

	private String sourceForm(Tenant tenant, Source source, SourceForm form, Model model) {
		model.addAttribute("source", source);
		model.addAttribute("form", form);
		model.addAttribute("action", source == null ? "/" + tenant.slug() + "/datapedia/bronnen/nieuw"
				: "/" + tenant.slug() + "/datapedia/bronnen/" + source.id());
		return "datasources/source-form";
	}

	/** A source of the city itself; another's (or a platform source) is 404 here. */
	private Source own(Tenant tenant, long id) {
		return sources.find(id)
			.filter(s -> s.tenantId() != null && s.tenantId() == tenant.id())
			.orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownSource")));
	}

}
