package be.obmi.privacy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.OrganisationRole;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.Register;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets another module put the processing activities its data make into a tenant's
 * register of processing activities: {@link #propose} creates a draft activity once per
 * module key (kept in {@code privacy.module_activity}); the DPO completes, checks and
 * publishes it like any other. Later proposals with the same key change nothing, so a
 * module may propose at every start and the DPO's edits stay.
 */
@Service
public class ModuleActivities {

	/** What a proposal did: the activity's public id and whether it was created now. */
	public record Proposal(UUID publicId, boolean created) {
	}

	private final JdbcClient jdbc;

	private final ProcessingActivities activities;

	ModuleActivities(JdbcClient jdbc, ProcessingActivities activities) {
		this.jdbc = jdbc;
		this.activities = activities;
	}

	/**
	 * The tenant's activity for the module key, created as a draft in the controller's
	 * register when there is none yet.
	 * @param actor who proposes (a user name, or the module's name at start)
	 */
	@Transactional
	public Proposal propose(Tenant tenant, ModuleActivity activity, String actor) {
		// one proposal per tenant and key, also when two starts race
		jdbc.sql("select pg_advisory_xact_lock(hashtext('privacy.module_activity'), cast(? as integer))")
			.param(Math.toIntExact(tenant.id() % Integer.MAX_VALUE))
			.query()
			.listOfRows();
		Optional<UUID> existing = find(tenant, activity.key());
		if (existing.isPresent()) {
			return new Proposal(existing.get(), false);
		}
		ActivityContent content = new ActivityContent(activity.name(), activity.purpose(), activity.legalBases(), null,
				activity.dataSubjects(),
				activity.dataCategories().stream().map(c -> new ActivityContent.DataCategory(c, false, null)).toList(),
				activity.recipients(), null, activity.retention(), null, activity.responsibleService(),
				activity.systems(), activity.source(), null, null);
		ProcessingActivities.Activity created = activities.create(tenant, content,
				new ProcessingActivities.Header(Register.CONTROLLER, Audience.CITIZENS, null,
						OrganisationRole.CONTROLLER),
				LocalDate.now(), null, null, false, actor);
		jdbc.sql("insert into privacy.module_activity (tenant_id, module_key, activity_id) values (?, ?, ?)")
			.params(tenant.id(), activity.key(), created.id())
			.update();
		return new Proposal(created.publicId(), true);
	}

	/** The public id of the tenant's activity proposed under the key, if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> find(Tenant tenant, String key) {
		return jdbc.sql("""
				select a.public_id from privacy.module_activity m
				join privacy.processing_activity a on a.id = m.activity_id and a.tenant_id = m.tenant_id
				where m.tenant_id = ? and m.module_key = ?""").params(tenant.id(), key).query(UUID.class).optional();
	}

	/** The path of the activity's page in the tenant's register. */
	public static String path(Tenant tenant, UUID publicId) {
		return "/" + tenant.slug() + "/privacy/verwerkingen/" + publicId;
	}

}
