package be.obmi.buildings.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonMatrices;
import be.obmi.buildings.comparison.ComparisonMatrix;
import be.obmi.buildings.gap.GapLine;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Kenniscentrum's overview of the Schillenboek comparison: per city and process
 * whether the row was new, changed, confirmed or carried over in a round, and the
 * register gap of every compared city. Rounds are opened and closed with the knowledge
 * bank's rounds.
 */
@Controller
@RequestMapping("/kenniscentrum/schillenboek/vergelijking")
class ComparisonOverviewController {

	private final ComparisonMatrices matrices;

	private final ComparisonEntries entries;

	private final KnowledgeRounds rounds;

	private final RegisterGap gap;

	private final TenantAccess access;

	ComparisonOverviewController(ComparisonMatrices matrices, ComparisonEntries entries, KnowledgeRounds rounds,
			RegisterGap gap, TenantAccess access) {
		this.matrices = matrices;
		this.entries = entries;
		this.rounds = rounds;
		this.gap = gap;
		this.access = access;
	}

	@GetMapping
	String overview(@RequestParam(name = "ronde", required = false) Long round, Model model) {
		access.requireKenniscentrum();
		if (round != null && rounds.byId(round).isEmpty()) {
			throw new NotFoundException(Reason.of("buildings.refused.comparison.roundUnknown", round));
		}
		ComparisonMatrix matrix = matrices.of(round);
		model.addAttribute("matrix", matrix);
		model.addAttribute("rounds", rounds.all());
		Map<Tenant, GapLine> gaps = new LinkedHashMap<>();
		for (Tenant city : entries.cities()) {
			List<GapLine> lines = gap.lines(city);
			gaps.put(city, lines.getFirst());
		}
		model.addAttribute("gaps", gaps);
		return "buildings/comparison-overview";
	}

}
