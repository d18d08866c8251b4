package be.obmi.pirk.web;

import java.time.LocalDate;
import java.util.List;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.register.VacancyCase;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.Visit;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Component;

/**
 * The screening's section of an object's card: its class, score and duration, the rules
 * that fired, the last visit and its leegstandsregister cases, with a link to the
 * object's screening page.
 */
@Component
class ScreeningCardSection implements ObjectCardSection {

	/** What the fragment {@code pirk/screening-fragments :: section} shows. */
	record Card(RealEstate object, Long months, List<Screening.FiredRule> fired, Visit lastVisit,
			List<VacancyCase> cases) {
	}

	private final Screening screening;

	private final VacancyCases cases;

	ScreeningCardSection(Screening screening, VacancyCases cases) {
		this.screening = screening;
		this.cases = cases;
	}

	@Override
	public Shown show(Tenant tenant, RealEstate object) {
		List<Visit> visits = screening.visits(tenant, object.id());
		return new Shown("pirk/screening-fragments", "section",
				new Card(object, Screening.months(object.vacantSince(), LocalDate.now()),
						screening.fired(tenant, object.id()), visits.isEmpty() ? null : visits.getFirst(),
						cases.ofObject(tenant, object.id())));
	}

}
