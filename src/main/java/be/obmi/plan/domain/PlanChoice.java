package be.obmi.plan.domain;

/**
 * The plan one request works in when it is not the tenant's latest: a tenant may keep
 * several multi-year plans (2020–2025 next to 2026–2031) and staff switch between them.
 * The web layer sets it for the duration of a request ({@code plan.web.PlanSwitch});
 * {@link Plans#current} honours it only for a plan of the tenant asked for, so a foreign
 * id changes nothing. Jobs and event listeners, which run outside a request, always work
 * in the latest plan.
 */
public final class PlanChoice {

	private static final ThreadLocal<Long> CHOSEN = new ThreadLocal<>();

	private PlanChoice() {
	}

	/** Works in plan {@code planId} until {@link #clear()}; null = the latest. */
	public static void set(Long planId) {
		if (planId == null) {
			CHOSEN.remove();
		}
		else {
			CHOSEN.set(planId);
		}
	}

	public static void clear() {
		CHOSEN.remove();
	}

	static Long chosen() {
		return CHOSEN.get();
	}

}
