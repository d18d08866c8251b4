package be.obmi.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import be.obmi.plan.PlanOutline;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;

/**
 * Estimate and realisation of expenditure and receipts per plan item, rolled up over the
 * item's children, from the version in force of each fiscal year. Exact decimals
 * throughout.
 */
@Service
public class FinanceFigures {

	private final JdbcClient jdbc;

	private final PlanOutline plan;

	FinanceFigures(JdbcClient jdbc, PlanOutline plan) {
		this.jdbc = jdbc;
		this.plan = plan;
	}

	/**
	 * Estimate and realisation, split in expenditure and receipts; the execution rate is
	 * realised / estimated.
	 */
	public record Summary(String code, Integer year, BigDecimal expenditureEstimate, BigDecimal expenditureRealisation,
			BigDecimal receiptsEstimate, BigDecimal receiptsRealisation) {

		/**
		 * Realised expenditure as a percentage of the estimate, or null without an
		 * estimate.
		 */
		public BigDecimal expenditureExecutionRate() {
			return rate(expenditureRealisation, expenditureEstimate);
		}

		public BigDecimal receiptsExecutionRate() {
			return rate(receiptsRealisation, receiptsEstimate);
		}

		private static BigDecimal rate(BigDecimal realised, BigDecimal estimated) {
			return estimated.signum() == 0 ? null
					: realised.multiply(BigDecimal.valueOf(100)).divide(estimated, 1, RoundingMode.HALF_UP);
		}

		public boolean isEmpty() {
			return expenditureEstimate.signum() == 0 && expenditureRealisation.signum() == 0
					&& receiptsEstimate.signum() == 0 && receiptsRealisation.signum() == 0;
		}

	}

	/**
	 * The figures of a plan item and everything below it; of the whole tenant when
	 * {@code code} is null (including lines under no policy goal); for all years when
	 * {@code year} is null.
	 */
	@Transactional(readOnly = true)
	public Summary summary(Tenant tenant, String code, Integer year) {
		Set<String> codes = code == null ? null : plan.selfAndDescendants(tenant, code);
		if (codes != null && codes.isEmpty()) {
			return new Summary(code, year, zero(), zero(), zero(), zero());
		}
		return jdbc.sql("""
				select coalesce(sum(estimate) filter (where direction = 'UITGAVE'), 0) as ee,
				       coalesce(sum(realisation) filter (where direction = 'UITGAVE'), 0) as er,
				       coalesce(sum(estimate) filter (where direction = 'ONTVANGST'), 0) as re,
				       coalesce(sum(realisation) filter (where direction = 'ONTVANGST'), 0) as rr
				from finance.current_line
				where tenant_id = ? and (cast(? as integer) is null or fiscal_year = ?)
				  and (cast(? as varchar[]) is null or plan_item_code = any (cast(? as varchar[])))""")
			.params(tenant.id(), year, year, codes == null ? null : codes.toArray(String[]::new),
					codes == null ? null : codes.toArray(String[]::new))
			.query((rs, n) -> new Summary(code, year, rs.getBigDecimal("ee"), rs.getBigDecimal("er"),
					rs.getBigDecimal("re"), rs.getBigDecimal("rr")))
			.single();
	}

	/**
	 * The figures of a plan item and everything below it per fiscal year and kind (years
	 * ascending, kinds as in {@link FinanceLine.Kind}), only the combinations with lines.
	 */
	@Transactional(readOnly = true)
	public List<KindSummary> byYearAndKind(Tenant tenant, String code) {
		Set<String> codes = plan.selfAndDescendants(tenant, code);
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("""
					select fiscal_year, kind,
					       coalesce(sum(estimate) filter (where direction = 'UITGAVE'), 0) as ee,
					       coalesce(sum(realisation) filter (where direction = 'UITGAVE'), 0) as er,
					       coalesce(sum(estimate) filter (where direction = 'ONTVANGST'), 0) as re,
					       coalesce(sum(realisation) filter (where direction = 'ONTVANGST'), 0) as rr
					from finance.current_line
					where tenant_id = ? and plan_item_code = any (cast(? as varchar[]))
					group by fiscal_year, kind
					order by fiscal_year, array_position(array['EXPLOITATIE', 'INVESTERING', 'FINANCIERING']::varchar[], kind)""")
			.params(tenant.id(), codes.toArray(String[]::new))
			.query((rs, n) -> new KindSummary(rs.getInt("fiscal_year"), rs.getString("kind"), rs.getBigDecimal("ee"),
					rs.getBigDecimal("er"), rs.getBigDecimal("re"), rs.getBigDecimal("rr")))
			.list();
	}

	/**
	 * Estimate and realisation of one fiscal year and kind, split in expenditure and
	 * receipts.
	 */
	public record KindSummary(int year, String kind, BigDecimal expenditureEstimate, BigDecimal expenditureRealisation,
			BigDecimal receiptsEstimate, BigDecimal receiptsRealisation) {
	}

	/** The fiscal years in force for the tenant, ascending. */
	@Transactional(readOnly = true)
	public List<Integer> years(Tenant tenant) {
		return jdbc.sql("select distinct fiscal_year from finance.current_line where tenant_id = ? order by 1")
			.param(tenant.id())
			.query(Integer.class)
			.list();
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
