package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.support.WebSliceSupport;

/**
 * Indicators and areas of the stats web tests: a published platform indicator, a draft of
 * Mechelen's own, and Mechelen with one of its wijken.
 */
abstract class StatsWebTestSupport extends WebSliceSupport {

	static final Scope MECHELEN_SCOPE = new Scope(MECHELEN.id(), "mechelen", "12025");

	static final Indicator POPULATION = new Indicator(1, null, "bev_totaal", "Bevolking", "Demografie",
			"Aantal inwoners op 1 januari", "inwoners", "persoon", "Statbel", "count", null, null, 1.0, "sum", 0, 0,
			true, false, 0, "Population", null, null, null);

	static final Indicator CYCLISTS = new Indicator(2, MECHELEN.id(), "mech_fietsers", "Fietstellingen", "Mobiliteit",
			"Fietsers per dag aan de telpalen", "fietsers", "fietser", "Stad Mechelen", "count", null, null, 1.0, "sum",
			0, 5, false, false, 0, null, null, null, null);

	static final Area CITY = new Area(100, "gemeente", "12025", "Mechelen", null, true);

	static final Area WIJK = new Area(101, "wijk", "12025A", "Binnenstad", 100L, true);

}
