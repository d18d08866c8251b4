package be.obmi.stats.query;

import org.springframework.stereotype.Component;

/**
 * Number formatting for the stats templates
 * ({@code @statsFormat.number(value, decimals)}), in the page's language.
 */
@Component("statsFormat")
public class StatsFormat {

	public String number(Double value, int decimals) {
		return StatsSite.format(value, decimals);
	}

}
