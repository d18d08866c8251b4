package be.obmi.pirk.web;

import java.time.LocalDate;
import java.util.List;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.register.CaseStep;
import be.obmi.pirk.register.VacancyCase;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.register.VacancyDeadlines;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.Visit;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screening and the leegstandsregister for API clients (members of the city): the
 * queue with the rules that fired, an object's screening, the cases with their computed
 * deadlines and the deadlines list.
 */
@RestController
class ScreeningApiController {

	/** An object's screening. */
	record ObjectScreening(long id, VacancyClass vacancyClass, int suspicionScore, LocalDate vacantSince, Long months,
			List<Screening.FiredRule> rules, List<Visit> visits) {
	}

	/** A case with what is computed from it. */
	record CaseView(long id, long objectId, String register, String actReference, LocalDate actDate,
			LocalDate vacantSince, LocalDate receiptDate, LocalDate appealDeadline, LocalDate appealLodgedOn,
			String appealOutcome, LocalDate appealDecidedOn, LocalDate useSince, LocalDate removableOn,
			LocalDate removedOn, String removalReason, boolean included, List<CaseStep> steps) {

		static CaseView of(VacancyCase c, List<CaseStep> steps) {
			return new CaseView(c.id(), c.realEstateId(), c.register(), c.actReference(), c.actDate(), c.vacantSince(),
					c.receiptDate(), c.appealDeadline(), c.appealLodgedOn(), c.appealOutcome(), c.appealDecidedOn(),
					c.useSince(), c.removableOn(), c.removedOn(), c.removalReason(), c.included(), steps);
		}

	}

	private final Screening screening;

	private final RealEstates objects;

	private final VacancyCases cases;

	private final VacancyDeadlines deadlines;

	ScreeningApiController(Screening screening, RealEstates objects, VacancyCases cases, VacancyDeadlines deadlines) {
		this.screening = screening;
		this.objects = objects;
		this.cases = cases;
		this.deadlines = deadlines;
	}

	@GetMapping("/api/v1/{slug}/pirk/screening")
	List<Screening.Candidate> queue(Tenant tenant, @RequestParam(name = "klasse", required = false) String only) {
		VacancyClass vacancyClass = "ADMINISTRATIVE".equals(only) || "SUSPECTED".equals(only)
				? VacancyClass.valueOf(only) : null;
		return screening.queue(tenant, vacancyClass, LocalDate.now(), 5000);
	}

	@GetMapping("/api/v1/{slug}/pirk/screening/{id}")
	ObjectScreening object(Tenant tenant, @PathVariable long id) {
		RealEstate object = objects.find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown", id)));
		return new ObjectScreening(object.id(), object.vacancyClass(), object.suspicionScore(), object.vacantSince(),
				Screening.months(object.vacantSince(), LocalDate.now()), screening.fired(tenant, id),
				screening.visits(tenant, id));
	}

	@GetMapping("/api/v1/{slug}/pirk/leegstandsregister")
	List<CaseView> register(Tenant tenant) {
		return cases.of(tenant).stream().map(c -> CaseView.of(c, List.of())).toList();
	}

	@GetMapping("/api/v1/{slug}/pirk/leegstandsregister/{id}")
	CaseView registerCase(Tenant tenant, @PathVariable long id) {
		VacancyCase c = cases.find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.caseUnknown", id)));
		return CaseView.of(c, cases.steps(tenant, id));
	}

	@GetMapping("/api/v1/{slug}/pirk/termijnen")
	List<VacancyDeadlines.Deadline> deadlines(Tenant tenant) {
		return deadlines.of(tenant, LocalDate.now());
	}

}
