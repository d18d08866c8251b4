package be.obmi.stats.web;

import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.query.AreaGroupFigures;
import be.obmi.stats.query.StatsSite;

import java.util.List;
import java.util.Optional;

import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The comparison page's area groups (issue 21): the peer group chosen instead of the
 * centrumsteden ({@code ?groep=grootsteden}, the platform's peer groups) and the city
 * beside its stadsregio and Flanders.
 */
@Component
class ComparisonGroups {

	private final AreaGroups groups;

	private final AreaGroupFigures figures;

	private final MessageSource messages;

	ComparisonGroups(AreaGroups groups, AreaGroupFigures figures, MessageSource messages) {
		this.groups = groups;
		this.figures = figures;
		this.messages = messages;
	}

	/**
	 * The chosen peer group (none: the 13 centrumsteden as before); the choices and the
	 * choice go in the model.
	 */
	Optional<AreaGroups.AreaGroup> peers(String code, Model model) {
		List<AreaGroups.AreaGroup> all = groups.platform("peergroep");
		model.addAttribute("peerGroups", all);
		Optional<AreaGroups.AreaGroup> chosen = all.stream()
			.filter(g -> g.code().equals(code) && !g.code().equals("centrumsteden"))
			.findFirst();
		model.addAttribute("peerGroup", chosen.orElse(null));
		chosen.ifPresent(g -> model.addAttribute("peerGroupName", name(g)));
		return chosen;
	}

	List<StatsSite.Comparison> rows(Scope scope, Indicator indicator, String period, AreaGroups.AreaGroup group) {
		String name = name(group);
		return figures.comparison(scope, indicator, period, group, messages.getMessage("stats.comparison.together",
				new Object[] { name }, LocaleContextHolder.getLocale()));
	}

	private static String name(AreaGroups.AreaGroup group) {
		return LocaleContextHolder.getLocale().getLanguage().equals("en") && group.nameEn() != null ? group.nameEn()
				: group.name();
	}

	/**
	 * The city, its stadsregio and Flanders in the shown period, when it has a
	 * stadsregio.
	 */
	void sideBySide(Scope scope, Tenant tenant, Indicator indicator, String period, Model model) {
		groups.stadsregio(scope)
			.ifPresent(region -> model.addAttribute("regionLines",
					figures.sideBySide(scope, tenant, region, indicator, period)));
	}

}
