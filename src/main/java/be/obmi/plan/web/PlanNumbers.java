package be.obmi.plan.web;

import java.math.BigDecimal;

import be.obmi.shared.BelgianNumber;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers on the plan pages as their reader writes them ({@code @planNumbers.decimal(…)}
 * in templates): {@code 1.234,5} in Dutch, {@code 1,234.5} in English, without the
 * trailing zeros of the stored {@code numeric} (so {@code 43}, not {@code 43.0000}); a
 * dash for none.
 */
@Component("planNumbers")
public class PlanNumbers {

	public String decimal(BigDecimal value) {
		return value == null ? "—" : BelgianNumber.format(value, LocaleContextHolder.getLocale());
	}

}
