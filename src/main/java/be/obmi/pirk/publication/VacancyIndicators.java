package be.obmi.pirk.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import be.obmi.shared.Period;
import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * PIRK's public aggregates as the tenant's own Stad in cijfers indicators
 * ({@link TenantFigures}): vacant units, inflow and outflow per sector, wijk and
 * municipality per half-year (counts with the statistics' disclosure control: a value
 * above 0 and below the threshold is hidden, with secondary suppression) and the average
 * duration in months (stored only where at least the threshold of units is vacant, so no
 * average describes a single owner's building). Never an address or an owner: only counts
 * per area leave the module.
 */
@Service
public class VacancyIndicators {

	/** The indicator codes. */
	public static final String UNITS = "pirk-leegstand-eenheden";

	public static final String INFLOW = "pirk-leegstand-instroom";

	public static final String OUTFLOW = "pirk-leegstand-uitstroom";

	public static final String DURATION = "pirk-leegstand-duur";

	private static final String THEME = "Wonen";

	private static final String SOURCE = "PIRK — inventaris leegstand van de stad";

	private final VacancyFigures figures;

	private final TenantFigures stats;

	private final int threshold;

	VacancyIndicators(VacancyFigures figures, TenantFigures stats,
			@Value("${obmi.pirk.public.threshold:5}") int threshold) {
		this.figures = figures;
		this.stats = stats;
		this.threshold = threshold;
	}

	/** The threshold under which a count is hidden from the public. */
	public int threshold() {
		return threshold;
	}

	/**
	 * Publishes the finished half-years' figures of the tenant to its statistics (in
	 * transactions of their own). The same figures again change nothing.
	 * @return the number of half-years published (0 when there is nothing to publish)
	 */
	public int publish(Tenant tenant, String actor) {
		List<Period> periods = figures.halfYears(tenant, LocalDate.now());
		if (periods.isEmpty() || tenant.statisticsNisCode() == null) {
			return 0;
		}
		List<TenantFigures.Value> units = new ArrayList<>();
		List<TenantFigures.Value> inflow = new ArrayList<>();
		List<TenantFigures.Value> outflow = new ArrayList<>();
		List<TenantFigures.Value> duration = new ArrayList<>();
		for (Period period : periods) {
			for (VacancyFigures.AreaCounts c : figures.of(tenant, period)) {
				units.add(value(c, period, VacancyFigures.AreaCounts::stock));
				inflow.add(value(c, period, VacancyFigures.AreaCounts::inflow));
				outflow.add(value(c, period, VacancyFigures.AreaCounts::outflow));
				if (c.stock() >= threshold && c.averageMonths() != null) {
					duration.add(new TenantFigures.Value(c.level(), c.code(), period.code(), c.averageMonths()));
				}
			}
		}
		stats.publish(tenant, count(UNITS, "Leegstaande eenheden", "Vacant units",
				"Gebouwen, woon- en handelseenheden en percelen die op het einde van het halfjaar administratief of "
						+ "vastgesteld (ook gedeeltelijk) leegstaan volgens de inventaris van de stad.",
				"Buildings, units and parcels that are administratively or verifiably (also partly) vacant at the "
						+ "end of the half-year, according to the city's inventory."),
				units, actor);
		stats.publish(tenant, count(INFLOW, "Nieuwe leegstand (instroom)", "New vacancy (inflow)",
				"Eenheden waarvan de leegstand in het halfjaar begon.", "Units whose vacancy began in the half-year."),
				inflow, actor);
		stats.publish(tenant,
				count(OUTFLOW, "Beëindigde leegstand (uitstroom)", "Ended vacancy (outflow)",
						"Eenheden waarvan de leegstand in het halfjaar eindigde (opnieuw in gebruik of geschrapt).",
						"Units whose vacancy ended in the half-year (in use again or removed)."),
				outflow, actor);
		stats.publish(tenant, new TenantFigures.Definition(DURATION, "Gemiddelde duur van de leegstand",
				"Average duration of vacancy", THEME, "Housing",
				"Gemiddelde duur in maanden van de leegstand van de eenheden die op het einde van het halfjaar leegstaan; "
						+ "alleen waar minstens " + threshold + " eenheden leegstaan.",
				"Average duration in months of the vacancy of the units vacant at the end of the half-year; only "
						+ "where at least " + threshold + " units are vacant.",
				"maanden", "months", SOURCE, false, 0, 1), duration, actor);
		return periods.size();
	}

	private TenantFigures.Definition count(String code, String name, String nameEn, String definition,
			String definitionEn) {
		return new TenantFigures.Definition(code, name, nameEn, THEME, "Housing", definition, definitionEn, "eenheden",
				"units", SOURCE, true, threshold, 0);
	}

	private static TenantFigures.Value value(VacancyFigures.AreaCounts c, Period period,
			Function<VacancyFigures.AreaCounts, Long> count) {
		return new TenantFigures.Value(c.level(), c.code(), period.code(), count.apply(c));
	}

}
