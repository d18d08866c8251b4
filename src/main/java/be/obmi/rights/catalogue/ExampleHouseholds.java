package be.obmi.rights.catalogue;

import java.time.LocalDate;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.rights.domain.Eligibility;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The example households of each right, with the outcome its rule must give them. */
@Service
public class ExampleHouseholds {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ExampleHouseholds(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<ExampleHousehold> of(long rightId) {
		return jdbc.sql("""
				select id, right_id, tenant_id, name, answers::text as answers, as_of, expected
				from rights.example_household where right_id = ? order by name""")
			.param(rightId)
			.query(ExampleHousehold.class)
			.list();
	}

	/**
	 * Adds (or replaces, by name) an example household of the right.
	 * @param tenantId the city it lives in, null for none
	 */
	@Transactional
	public ExampleHousehold save(RightEntry right, Long tenantId, String name, String answersJson, LocalDate asOf,
			String expected) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new RefusedValueException(Reason.of("rights.refused.exampleName"));
		}
		Eligibility.Verdict verdict;
		try {
			verdict = Eligibility.Verdict.valueOf(expected == null ? "" : expected);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedValueException(Reason.of("rights.refused.expected"));
		}
		RightForm.plausible(asOf);
		String answers = RuleJson.write(RuleJson.answers(answersJson));
		LocalDate day = asOf == null ? LocalDate.now() : asOf;
		long id = jdbc.sql("""
				insert into rights.example_household (right_id, tenant_id, name, answers, as_of, expected)
				values (?, ?, ?, ?::jsonb, ?, ?)
				on conflict (right_id, name) do update set tenant_id = excluded.tenant_id, answers = excluded.answers,
				    as_of = excluded.as_of, expected = excluded.expected
				returning id""")
			.params(right.id(), tenantId, trimmed, answers, day, verdict.name())
			.query(Long.class)
			.single();
		audit.updated(right.tenantId(), "right", String.valueOf(right.id()), right.title(),
				List.of(new FieldChange("example:" + trimmed, null, verdict.name() + " " + answers)));
		return of(right.id()).stream().filter(example -> example.id() == id).findFirst().orElseThrow();
	}

}
