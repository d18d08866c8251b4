package be.obmi.datasources.web;

import java.util.List;

import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.Sources;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Datapedia's public pages: the catalogue of sources with a filter, and a source's
 * page (owner, content, level, area, periodicity, next delivery, licence and access,
 * contact, quality issues, the indicators derived from it). Anonymous visitors see the
 * public sources; members also the internal ones they may see.
 */
@Controller
class DatapediaPageController {

	private final Sources sources;

	private final Viewers viewers;

	private final Tenants tenants;

	DatapediaPageController(Sources sources, Viewers viewers, Tenants tenants) {
		this.sources = sources;
		this.viewers = viewers;
		this.tenants = tenants;
	}

	@GetMapping("/datapedia")
	String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String niveau,
			@RequestParam(required = false) String eigenaar, Model model) {
		Sources.Filter filter = new Sources.Filter(q, niveau, eigenaar);
		List<Source> visible = sources.visible(viewers.current(), filter);
		model.addAttribute("sources", visible);
		model.addAttribute("filter", filter);
		model.addAttribute("levels", List.of("ATOMIC", "SECTOR", "MUNICIPALITY"));
		model.addAttribute("tenants", tenants.all());
		model.addAttribute("owners", tenants
			.slugsById(visible.stream().filter(s -> s.tenantId() != null).map(Source::tenantId).distinct().toList()));
		model.addAttribute("member", viewers.member());
		return "datasources/catalogue";
	}

	@GetMapping("/datapedia/bronnen/{id}")
	String source(@PathVariable long id, Model model) {
		Source source = sources.require(id, viewers.current());
		model.addAttribute("source", source);
		model.addAttribute("owner", source.tenantId() == null ? null : tenants.byId(source.tenantId()).orElse(null));
		model.addAttribute("indicators", sources.indicatorNames(source));
		return "datasources/source";
	}

}
