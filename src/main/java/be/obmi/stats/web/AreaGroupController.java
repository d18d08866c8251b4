package be.obmi.stats.web;

import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.AreaGroupFigures;
import be.obmi.stats.query.MergedAreas;
import be.obmi.stats.query.StatsSite;

import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Areas beyond the city border (issue 21): the city's stadsregio beside the city and
 * Flanders {@code /{slug}/cijfers/stadsregio} (with kernstad, agglomeration and banlieue
 * for one indicator), the series of the merged municipalities on the 2025 layout
 * {@code /{slug}/cijfers/fusies} (the API that adjusts a stadsregio is
 * {@link AreaGroupApiController}'s).
 */
@Controller
class AreaGroupController {

	private final StatsSite site;

	private final AreaGroups groups;

	private final AreaGroupFigures figures;

	private final MergedAreas merged;

	private final StatsAccess access;

	private final MessageSource messages;

	AreaGroupController(StatsSite site, AreaGroups groups, AreaGroupFigures figures, MergedAreas merged,
			StatsAccess access, MessageSource messages) {
		this.site = site;
		this.groups = groups;
		this.figures = figures;
		this.merged = merged;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/cijfers/stadsregio")
	String region(Tenant tenant, @RequestParam(name = "indicator", required = false) @Size(max = 100) String code,
			Model model) {
		Scope scope = StatsAccess.of(tenant);
		AreaGroups.AreaGroup region = groups.stadsregio(scope).orElseThrow(AreaGroupController::notFound);
		List<AreaGroupFigures.RegionRow> rows = figures.overview(scope, tenant, region);
		model.addAttribute("city", site.city(tenant));
		model.addAttribute("region", region);
		model.addAttribute("rows", rows);
		model.addAttribute("demo", rows.stream().anyMatch(r -> r.indicator().demo()));
		Optional<AreaGroupFigures.RegionRow> chosen = rows.stream()
			.filter(r -> r.indicator().code().equals(code))
			.findFirst()
			.or(() -> rows.stream().filter(r -> r.indicator().code().equals("bev_totaal")).findFirst())
			.or(() -> rows.stream().findFirst());
		chosen.ifPresent(r -> {
			model.addAttribute("indicator", r.indicator());
			model.addAttribute("period", r.period());
			model.addAttribute("lines",
					figures.detail(scope, region, r.indicator(), r.period(),
							List.of(text("stats.region.zone.kernstad"), text("stats.region.zone.agglomeratie"),
									text("stats.region.zone.banlieue"), region.name())));
		});
		model.addAttribute("editor", access.seesConfidential(scope));
		return "stats/region";
	}

	@GetMapping("/{slug}/cijfers/fusies")
	String mergers(Tenant tenant, @RequestParam(name = "indicator", required = false) @Size(max = 100) String code,
			@RequestParam(name = "periode", required = false) @Size(max = 20) String period, Model model) {
		Scope scope = StatsAccess.of(tenant);
		MergedAreas.Version version = merged.version("2025").orElseThrow(AreaGroupController::notFound);
		List<Indicator> candidates = StatsPageController.platformIndicators(site, scope);
		Indicator indicator = candidates.stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.or(() -> candidates.stream().filter(i -> i.code().equals("bev_totaal")).findFirst())
			.orElse(candidates.isEmpty() ? null : candidates.getFirst());
		model.addAttribute("version", version);
		model.addAttribute("candidates", candidates);
		model.addAttribute("indicator", indicator);
		if (indicator != null) {
			List<String> periods = site.periods(scope, indicator);
			String shown = period != null && periods.contains(period) ? period
					: periods.isEmpty() ? null : periods.getLast();
			model.addAttribute("periods", periods);
			model.addAttribute("period", shown);
			List<MergerRow> rows = new ArrayList<>();
			if (shown != null) {
				for (MergedAreas.Merger m : version.mergers()) {
					rows.add(new MergerRow(m, merged.point(scope, indicator, version, m, shown)));
				}
			}
			model.addAttribute("rows", rows);
			Optional<MergedAreas.Merger> own = tenant.statisticsNisCode() == null ? Optional.empty()
					: merged.mergerOf(version, tenant.statisticsNisCode());
			own.ifPresent(m -> {
				model.addAttribute("own", m);
				model.addAttribute("ownSeries", merged.series(scope, indicator, version, m));
			});
		}
		return "stats/mergers";
	}

	/** A merged municipality with its figure in the shown period. */
	record MergerRow(MergedAreas.Merger merger, MergedAreas.Point point) {
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
