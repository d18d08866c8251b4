package be.obmi.rights.catalogue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A city's values for the parameters of a shared right (its top-up: a higher amount, a
 * higher ceiling); where a city set nothing, the rule's base value applies.
 */
@Service
public class CityParameters {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CityParameters(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The city's parameters for the right, by name; empty where it set none. */
	public Map<String, BigDecimal> of(Long tenantId, long rightId) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		if (tenantId == null) {
			return values;
		}
		jdbc.sql("select name, value from rights.city_parameter where tenant_id = ? and right_id = ? order by name")
			.params(tenantId, rightId)
			.query((rs, row) -> values.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return values;
	}

	/**
	 * Sets (or, with a null value, removes) the city's value of a parameter of a shared
	 * right.
	 */
	@Transactional
	public void set(long tenantId, RightEntry right, String name, BigDecimal value) {
		if (!right.shared()) {
			throw new RefusedValueException(Reason.of("rights.refused.topUpOwnRight"));
		}
		if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9_]{0,59}")) {
			throw new RefusedValueException(Reason.of("rights.refused.parameterName"));
		}
		if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0
				|| value.stripTrailingZeros().scale() > 2)) {
			throw new RefusedValueException(Reason.of("rights.refused.parameterValue"));
		}
		BigDecimal before = of(tenantId, right.id()).get(name);
		if (value == null) {
			jdbc.sql("delete from rights.city_parameter where tenant_id = ? and right_id = ? and name = ?")
				.params(tenantId, right.id(), name)
				.update();
		}
		else {
			jdbc.sql("""
					insert into rights.city_parameter (tenant_id, right_id, name, value) values (?, ?, ?, ?)
					on conflict (tenant_id, right_id, name) do update set value = excluded.value""")
				.params(tenantId, right.id(), name, value)
				.update();
		}
		audit.updated(tenantId, "right-parameter", right.id() + ":" + name, right.title(), List.of(new FieldChange(name,
				before == null ? null : before.toPlainString(), value == null ? null : value.toPlainString())));
	}

}
