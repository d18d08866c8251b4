package be.obmi.pirk.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.obmi.audit.AuditTrail;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.domain.RegisterEntry;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * PIRK's overview (the filtered list and the map of the same filter, side by side) and an
 * object's card (its registers' entries with their versions, its history, and the
 * sections other parts of PIRK add).
 */
@Controller
class ObjectsController {

	static final String OVERVIEW = "pirk/objects";

	static final String CARD = "pirk/object";

	/** The most rows the list shows; the map and the exports hold every object. */
	static final int LIST_LIMIT = 250;

	static final List<String> FUNCTIONS = List.of("WONEN", "HANDEL", "BEDRIJF", "KANTOOR", "GEMEENSCHAP",
			"ERFGOED_KERK", "GROND", "ANDERE", "ONBEKEND");

	private final ObjectSearch search;

	private final RealEstates objects;

	private final RegisterEntries entries;

	private final AreaNames areas;

	private final AuditTrail audit;

	private final TenantAccess access;

	private final ObjectProvider<ObjectCardSection> sections;

	ObjectsController(ObjectSearch search, RealEstates objects, RegisterEntries entries, AreaNames areas,
			AuditTrail audit, TenantAccess access, ObjectProvider<ObjectCardSection> sections) {
		this.search = search;
		this.objects = objects;
		this.entries = entries;
		this.areas = areas;
		this.audit = audit;
		this.access = access;
		this.sections = sections;
	}

	@GetMapping("/{slug}/pirk")
	String overview(Tenant tenant, @RequestParam Map<String, String> query, Model model) {
		ObjectFilter filter = ObjectFilter.from(query);
		String queryString = filter.queryString();
		model.addAttribute("filter", filter);
		model.addAttribute("query", queryString);
		model.addAttribute("count", search.count(tenant, filter));
		model.addAttribute("objects", search.listed(tenant, filter, LIST_LIMIT));
		model.addAttribute("limit", LIST_LIMIT);
		model.addAttribute("registers", RegisterType.values());
		model.addAttribute("classes", VacancyClass.values());
		model.addAttribute("kinds", RealEstateKind.values());
		model.addAttribute("functions", FUNCTIONS);
		model.addAttribute("wijken", names(tenant, "wijk", search.wijken(tenant)));
		model.addAttribute("sectors", names(tenant, "statsec", search.sectors(tenant)));
		model.addAttribute("queueSize", entries.queueSize(tenant));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return OVERVIEW;
	}

	@GetMapping("/{slug}/pirk/objecten/{id}")
	String card(Tenant tenant, @PathVariable long id, Model model) {
		RealEstate object = objects.find(tenant, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<RegisterEntry> found = entries.ofObject(tenant, id);
		Map<Long, List<RegisterEntries.EntryVersion>> versions = new LinkedHashMap<>();
		found.forEach(entry -> versions.put(entry.id(), entries.versions(tenant, entry.id())));
		List<ObjectCardSection.Shown> shown = new ArrayList<>();
		sections.orderedStream()
			.map(section -> section.show(tenant, object))
			.filter(Objects::nonNull)
			.forEach(shown::add);
		model.addAttribute("object", object);
		model.addAttribute("label", label(object));
		model.addAttribute("months", months(object));
		model.addAttribute("entries", found);
		model.addAttribute("versions", versions);
		model.addAttribute("history", audit.history(tenant.id(), "pirk-object", String.valueOf(id), 50));
		model.addAttribute("wijkName", object.wijkCode() == null ? null
				: areas.name("wijk", object.wijkCode(), tenant.statisticsNisCode()).orElse(object.wijkCode()));
		model.addAttribute("sectorName", object.sectorCode() == null ? null
				: areas.name("statsec", object.sectorCode(), tenant.statisticsNisCode()).orElse(object.sectorCode()));
		model.addAttribute("sections", shown);
		return CARD;
	}

	static String label(RealEstate object) {
		String line = object.address().line();
		return line.isEmpty() ? (object.capakey() != null ? object.capakey() : "#" + object.id()) : line;
	}

	static Integer months(RealEstate object) {
		LocalDate today = LocalDate.now();
		if (object.vacantSince() == null || object.vacantSince().isAfter(today)) {
			return null;
		}
		return (int) Period.between(object.vacantSince(), today).toTotalMonths();
	}

	private Map<String, String> names(Tenant tenant, String level, List<String> codes) {
		Map<String, String> names = new LinkedHashMap<>();
		codes.forEach(code -> names.put(code,
				areas.name(level, code, tenant.statisticsNisCode())
					.map(name -> name + " (" + code + ")")
					.orElse(code)));
		return names;
	}

}
