package be.obmi.pirk.mobilisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns built from a filter (often a saved one). While a campaign is a draft its
 * objects are whatever the filter finds now; sending it freezes the list
 * ({@code pirk.campaign_object}, with each object's address and class at that moment),
 * opens a mobilisation case for every object without one and moves the cases nobody had
 * contacted to {@link OwnerStatus#CONTACTED} with a note. Later changes to the objects or
 * the filter do not change a sent campaign's list.
 */
@Service
public class Campaigns {

	/** The most objects one campaign takes. */
	public static final int MAX_OBJECTS = 5000;

	private static final String SELECT = """
			select id, tenant_id, title, query, saved_filter_id, status, sent_at, sent_by, demo, created_by, created_at,
			       version from pirk.campaign""";

	private final JdbcClient jdbc;

	private final ObjectSearch search;

	private final OwnerCases cases;

	private final AuditTrail audit;

	private final OwnerAccessLog log;

	Campaigns(JdbcClient jdbc, ObjectSearch search, OwnerCases cases, AuditTrail audit, OwnerAccessLog log) {
		this.jdbc = jdbc;
		this.search = search;
		this.cases = cases;
		this.audit = audit;
		this.log = log;
	}

	/** One letter of a campaign: an owner of one of its objects (owner data). */
	public record Letter(String objectAddress, String ownerName, String ownerAddress) {
	}

	/**
	 * The letters of a sent campaign, one per owner of each of its objects with a case,
	 * in the campaign's order; every case read is logged as read by {@code username} for
	 * the campaign's letters. Empty for a draft. The caller checks the function
	 * OWNER_DATA first.
	 */
	@Transactional(readOnly = true)
	public List<Letter> letters(Tenant tenant, Campaign campaign, String username, String route) {
		if (!campaign.sent()) {
			return List.of();
		}
		List<OwnerCase> read = jdbc.sql(OwnerCases.SELECT + """
				join pirk.campaign_object o on o.real_estate_id = c.real_estate_id
				where c.tenant_id = ? and o.campaign_id = ? order by o.position""")
			.params(tenant.id(), campaign.id())
			.query(OwnerCases::row)
			.list();
		log.record(tenant, username, read, OwnerAccessPurpose.CAMPAIGN_LETTERS, route);
		return jdbc
			.sql("""
					select o.address as object_address, w.name as owner_name,
					       concat_ws(', ', w.street, nullif(concat_ws(' ', w.postcode, w.municipality), '')) as owner_address
					from pirk.campaign_object o
					join pirk.owner_case c on c.real_estate_id = o.real_estate_id and c.tenant_id = ?
					join pirk.owner_contact w on w.case_id = c.id and w.tenant_id = c.tenant_id
					where o.campaign_id = ? order by o.position, w.id""")
			.params(tenant.id(), campaign.id())
			.query(Letter.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Campaign> list(Tenant tenant) {
		return jdbc.sql(SELECT + " where tenant_id = ? order by created_at desc, id desc")
			.param(tenant.id())
			.query(Campaign.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Campaign> find(Tenant tenant, long id) {
		return jdbc.sql(SELECT + " where tenant_id = ? and id = ?")
			.params(tenant.id(), id)
			.query(Campaign.class)
			.optional();
	}

	public Campaign require(Tenant tenant, long id) {
		return find(tenant, id).orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.campaignUnknown")));
	}

	/**
	 * A new draft campaign of the filter.
	 * @throws RefusedValueException for an empty or too long title
	 */
	@Transactional
	public Campaign create(Tenant tenant, String title, ObjectFilter filter, Long savedFilterId, boolean demo,
			String actor) {
		String clean = title == null ? "" : title.strip();
		if (clean.isEmpty() || clean.length() > 200) {
			throw new RefusedValueException(Reason.of("pirk.refused.campaignTitle"));
		}
		if (filter.queryString().length() > SavedFilters.MAX_QUERY) {
			throw new RefusedValueException(Reason.of("pirk.refused.filterTooLong", SavedFilters.MAX_QUERY));
		}
		long id = jdbc.sql("""
				insert into pirk.campaign (tenant_id, title, query, saved_filter_id, demo, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), clean, filter.queryString(), savedFilterId, demo, actor)
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "pirk-campagne", String.valueOf(id), clean,
				List.of(FieldChange.added("filter", filter.queryString())));
		return require(tenant, id);
	}

	/**
	 * The campaign's objects: frozen for a sent campaign, as the filter finds them now
	 * for a draft.
	 */
	@Transactional(readOnly = true)
	public List<CampaignObject> objects(Tenant tenant, Campaign campaign) {
		if (campaign.sent()) {
			return jdbc.sql("""
					select o.real_estate_id, o.address, o.vacancy_class, r.wijk_code, c.status as owner_status
					from pirk.campaign_object o join pirk.real_estate r on r.id = o.real_estate_id
					left join pirk.owner_case c on c.real_estate_id = o.real_estate_id and c.tenant_id = r.tenant_id
					where o.campaign_id = ? and r.tenant_id = ? order by o.position""")
				.params(campaign.id(), tenant.id())
				.query((rs, n) -> new CampaignObject(rs.getLong("real_estate_id"), rs.getString("address"),
						rs.getString("vacancy_class"), rs.getString("wijk_code"),
						rs.getString("owner_status") == null ? null
								: OwnerStatus.valueOf(rs.getString("owner_status"))))
				.list();
		}
		return search.list(tenant, SavedFilters.parse(campaign.query()), MAX_OBJECTS)
			.stream()
			.map(o -> new CampaignObject(o.id(), o.address().line(), o.vacancyClass().name(), o.wijkCode(),
					cases.ofObject(tenant, o.id()).map(OwnerCase::status).orElse(null)))
			.toList();
	}

	/**
	 * Sends the campaign: freezes its object list, opens the cases and marks the
	 * uncontacted ones as contacted.
	 * @throws RefusedStateException when it was sent already
	 * @throws ConcurrentChangeException when it changed since {@code version}
	 */
	@Transactional
	public Campaign send(Tenant tenant, long id, int version, String actor) {
		Campaign campaign = jdbc.sql(SELECT + " where tenant_id = ? and id = ? for update")
			.params(tenant.id(), id)
			.query(Campaign.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.campaignUnknown")));
		if (campaign.sent()) {
			throw new RefusedStateException(Reason.of("pirk.refused.campaignSent"));
		}
		if (campaign.version() != version) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.campaignChanged"));
		}
		List<RealEstate> objects = search.list(tenant, SavedFilters.parse(campaign.query()), MAX_OBJECTS);
		int position = 0;
		for (RealEstate object : objects) {
			jdbc.sql("""
					insert into pirk.campaign_object (campaign_id, real_estate_id, position, address, vacancy_class)
					values (?, ?, ?, ?, ?)""")
				.params(id, object.id(), position++, object.address().line(), object.vacancyClass().name())
				.update();
			OwnerCase ownerCase = cases.open(tenant, object.id(), actor, campaign.demo());
			if (ownerCase.status() == OwnerStatus.NOT_CONTACTED) {
				cases.move(tenant, ownerCase.id(), OwnerStatus.CONTACTED, ownerCase.version(), null, actor);
			}
			cases.addNote(tenant, ownerCase.id(), "CAMPAIGN", LocalDate.now(), campaign.title(), actor);
		}
		jdbc.sql("""
				update pirk.campaign set status = 'SENT', sent_at = ?, sent_by = ?, version = version + 1
				where id = ?""").params(OffsetDateTime.now(), actor, id).update();
		audit.updated(tenant.id(), "pirk-campagne", String.valueOf(id), campaign.title(),
				List.of(FieldChange.between("status", "DRAFT", "SENT"), FieldChange.added("objecten", objects.size())));
		return require(tenant, id);
	}

}
