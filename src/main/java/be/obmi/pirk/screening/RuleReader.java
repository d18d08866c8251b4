package be.obmi.pirk.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.pirk.domain.VacancyClass;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a tenant's rules with their conditions. */
@Component
class RuleReader {

	private final JdbcClient jdbc;

	RuleReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Rule> of(Tenant tenant) {
		Map<Long, List<Rule.Condition>> conditions = new HashMap<>();
		jdbc.sql("""
				select c.rule_id, c.kind, c.operator, c.threshold from pirk.rule_condition c
				join pirk.rule r on r.id = c.rule_id where r.tenant_id = ? order by c.rule_id, c.position""")
			.param(tenant.id())
			.query((rs, n) -> conditions.computeIfAbsent(rs.getLong("rule_id"), id -> new ArrayList<>())
				.add(new Rule.Condition(IndicationKind.valueOf(rs.getString("kind")),
						Rule.Operator.valueOf(rs.getString("operator")), rs.getBigDecimal("threshold"))))
			.list();
		return jdbc.sql("""
				select id, name, description, combinator, score, marks, active, demo, version from pirk.rule
				where tenant_id = ? order by lower(name), id""")
			.param(tenant.id())
			.query((rs, n) -> new Rule(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
					Rule.Combinator.valueOf(rs.getString("combinator")), rs.getInt("score"),
					VacancyClass.valueOf(rs.getString("marks")), rs.getBoolean("active"),
					List.copyOf(conditions.getOrDefault(rs.getLong("id"), List.of())), rs.getBoolean("demo"),
					rs.getInt("version")))
			.list();
	}

}
