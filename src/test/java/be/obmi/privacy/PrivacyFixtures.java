package be.obmi.privacy;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.privacy.domain.ActivityContent;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processing activities for the tests of the public register and the exports, written
 * with SQL (the staff register's services are another part's) in one transaction with a
 * history line, so the public response cache moves on as after a real change.
 */
public final class PrivacyFixtures {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final JsonMapper json;

	public PrivacyFixtures(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.audit = audit;
		this.json = json;
	}

	/**
	 * An activity as the public register shows it: for citizens, checked and published.
	 */
	public UUID published(Tenant tenant, ActivityContent content) {
		return activity(tenant, content, "CITIZENS", "CHECKED", true, null);
	}

	/**
	 * An activity with the given audience, state and publication, acting for a linked
	 * organisation when {@code organisation} is not null; its content is version 1.
	 */
	public UUID activity(Tenant tenant, ActivityContent content, String audience, String state, boolean published,
			String organisation) {
		return transactions.execute(status -> {
			Long organisationId = organisation == null ? null : jdbc
				.sql("""
						insert into privacy.linked_organisation (tenant_id, name, kind) values (?, ?, 'OCMW') returning id""")
				.params(tenant.id(), organisation)
				.query(Long.class)
				.single();
			var row = jdbc.sql("""
					insert into privacy.processing_activity (tenant_id, audience, state, published, organisation_id)
					values (?, ?, ?, ?, ?) returning id, public_id""")
				.params(tenant.id(), audience, state, published, organisationId)
				.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getObject("public_id", UUID.class) })
				.single();
			insertVersion((Long) row[0], 1, content);
			audit.created(tenant.id(), "privacy.processing_activity", row[1].toString(), content.name(), List.of());
			return (UUID) row[1];
		});
	}

	/** A new current version of an activity. */
	public void newVersion(Tenant tenant, UUID publicId, ActivityContent content) {
		transactions.executeWithoutResult(status -> {
			long id = jdbc.sql("select id from privacy.processing_activity where public_id = ? and tenant_id = ?")
				.params(publicId, tenant.id())
				.query(Long.class)
				.single();
			int number = jdbc
				.sql("update privacy.processing_activity set current_version = current_version + 1, "
						+ "version = version + 1 where id = ? returning current_version")
				.param(id)
				.query(Integer.class)
				.single();
			insertVersion(id, number, content);
			audit.updated(tenant.id(), "privacy.processing_activity", publicId.toString(), content.name(),
					List.of(FieldChange.between("version", number - 1, number)));
		});
	}

	private void insertVersion(long activityId, int number, ActivityContent content) {
		jdbc.sql("""
				insert into privacy.activity_version (activity_id, number, content, created_by)
				values (?, ?, cast(? as jsonb), 'test')""")
			.params(activityId, number, json.writeValueAsString(content))
			.update();
	}

	/**
	 * A complete activity whose every field carries {@code marker}, so a test can tell
	 * whether that field shows: e.g. {@code securityMeasures} is
	 * {@code "maatregel-<marker>"}.
	 */
	public static ActivityContent content(String name, String marker) {
		return new ActivityContent(name, "doel-" + marker + " categorieën", List.of("A6-1-e", "A6-1-c"),
				List.of("A9-2-g"), List.of("betrokkenen-" + marker),
				List.of(new ActivityContent.DataCategory("gegevens-" + marker, false, "bewaring-cat-" + marker),
						new ActivityContent.DataCategory("gezondheid-" + marker, true, null)),
				List.of("ontvanger-" + marker), List.of(new ActivityContent.Transfer("US", "scc-" + marker)),
				"bewaartermijn-" + marker, List.of("maatregel-" + marker), "dienst-" + marker,
				List.of("systeem-" + marker), "bron-" + marker, "verantwoordelijke-" + marker, "dpo-" + marker);
	}

}
