package be.obmi.tenancy;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenants of the platform: lookup by slug or id, and adding a municipality as a new
 * tenant.
 */
@Service
public class Tenants {

	private static final String SELECT = "select id, slug, name, nis_code, primary_color, accent_color, kind, version, centrumstad, linked_nis_code from tenancy.tenant ";

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	private final AuditTrail audit;

	Tenants(JdbcClient jdbc, Municipalities municipalities, AuditTrail audit) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
		this.audit = audit;
	}

	/** All tenants, by name. Never returns null. */
	public List<Tenant> all() {
		return jdbc.sql(SELECT + "order by name").query(Tenant.class).list();
	}

	/** A tenant's slug never changes: known ones are kept, an unknown id reloads them. */
	private volatile Map<Long, String> slugs = Map.of();

	/** The same, by slug. */
	private volatile Map<String, Long> ids = Map.of();

	/**
	 * Tenants' slugs by id, for modules that store tenant ids and show slugs. An
	 * account's roles are read on every API-token request: once the tenants are known
	 * this costs no query; an id not yet known (a tenant added since, perhaps on another
	 * instance) reads them again.
	 */
	public Map<Long, String> slugsById(Collection<Long> ids) {
		Map<Long, String> known = slugs;
		if (known.isEmpty() || !known.keySet().containsAll(ids)) {
			known = readSlugs();
		}
		return known;
	}

	/**
	 * The id of a tenant by slug as far as this instance knows the tenants, without a
	 * query once they were read (for every public request); empty for a slug not known
	 * here yet.
	 */
	public OptionalLong knownId(String slug) {
		Map<String, Long> known = ids;
		if (known.isEmpty()) {
			readSlugs();
			known = ids;
		}
		Long id = known.get(slug);
		return id == null ? OptionalLong.empty() : OptionalLong.of(id);
	}

	private Map<Long, String> readSlugs() {
		Map<Long, String> read = new HashMap<>();
		jdbc.sql("select id, slug from tenancy.tenant").query(rs -> {
			read.put(rs.getLong("id"), rs.getString("slug"));
		});
		Map<String, Long> bySlug = new HashMap<>();
		read.forEach((id, slug) -> bySlug.put(slug, id));
		Map<Long, String> known = Map.copyOf(read);
		ids = Map.copyOf(bySlug);
		slugs = known;
		return known;
	}

	public Optional<Tenant> bySlug(String slug) {
		return jdbc.sql(SELECT + "where slug = ?").param(slug).query(Tenant.class).optional();
	}

	/**
	 * @throws TenantNotFoundException when no tenant has that slug
	 */
	public Tenant require(String slug) {
		return bySlug(slug).orElseThrow(() -> new TenantNotFoundException(slug));
	}

	public Optional<Tenant> byId(long id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query(Tenant.class).optional();
	}

	/**
	 * Adds a Flemish or Brussels municipality as a tenant; its slug is its lowercase
	 * name.
	 * @throws RefusedValueException when the NIS code is unknown or the municipality is
	 * already a tenant
	 */
	@Transactional
	public Tenant add(String nisCode, String primaryColor) {
		Municipality municipality = municipalities.byNisCode(nisCode)
			.orElseThrow(() -> new RefusedValueException(Reason.of("tenants.refused.nisCodeUnknown", nisCode)));
		String slug = slugOf(municipality.name());
		boolean exists = jdbc.sql("select count(*) from tenancy.tenant where nis_code = ? or slug = ?")
			.params(nisCode, slug)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			throw new RefusedValueException(Reason.of("tenants.refused.exists", municipality.name()));
		}
		return insert(slug, municipality.name(), nisCode, Tenant.Kind.GEMEENTE, null, primaryColor);
	}

	/**
	 * Adds an organisation that is not a municipality (a care company, an OCMW
	 * association, another local body) as a tenant, without a NIS code; its slug is its
	 * lowercase name. {@code linkedNisCode} optionally names the municipality whose
	 * statistics its pages show.
	 * @throws RefusedValueException when the name is blank or too long, the linked
	 * municipality is unknown, or the slug is taken
	 */
	@Transactional
	public Tenant addOrganisation(String name, String linkedNisCode, String primaryColor) {
		String trimmed = name == null ? "" : name.strip();
		String slug = slugOf(trimmed);
		if (trimmed.isEmpty() || trimmed.length() > 120 || slug.isEmpty() || slug.length() > 60) {
			throw new RefusedValueException(Reason.of("tenants.refused.organisationName"));
		}
		String linked = linkedNisCode == null || linkedNisCode.isBlank() ? null : linkedNisCode.strip();
		if (linked != null && municipalities.byNisCode(linked).isEmpty()) {
			throw new RefusedValueException(Reason.of("tenants.refused.nisCodeUnknown", linked));
		}
		boolean exists = jdbc.sql("select count(*) from tenancy.tenant where slug = ? or lower(name) = lower(?)")
			.params(slug, trimmed)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			throw new RefusedValueException(Reason.of("tenants.refused.exists", trimmed));
		}
		return insert(slug, trimmed, null, Tenant.Kind.ORGANISATIE, linked, primaryColor);
	}

	private Tenant insert(String slug, String name, String nisCode, Tenant.Kind kind, String linkedNisCode,
			String primaryColor) {
		if (RESERVED_SLUGS.contains(slug)) {
			throw new RefusedValueException(Reason.of("tenants.refused.reserved", name));
		}
		String color = primaryColor == null || primaryColor.isBlank() ? "#1f4e79" : primaryColor;
		if (!color.matches("^#[0-9a-fA-F]{6}$")) {
			throw new RefusedValueException(Reason.of("tenants.refused.color"));
		}
		jdbc.sql("""
				insert into tenancy.tenant (slug, name, nis_code, primary_color, kind, linked_nis_code)
				values (?, ?, ?, ?, ?, ?)""").params(slug, name, nisCode, color, kind.name(), linkedNisCode).update();
		Tenant tenant = require(slug);
		audit.created(tenant.id(), "bestuur", String.valueOf(tenant.id()), tenant.name(),
				List.of(FieldChange.added("naam", tenant.name()), FieldChange.added("soort", kind.name()),
						FieldChange.added("nis", nisCode == null ? linkedNisCode : nisCode),
						FieldChange.added("slug", slug), FieldChange.added("kleur", color)));
		return tenant;
	}

	/**
	 * First path segments the platform uses itself; a tenant named so would hide them (or
	 * they it).
	 */
	private static final Set<String> RESERVED_SLUGS = Set.of("platform", "account", "api", "kennis", "kenniscentrum",
			"login", "logout", "error", "css", "js", "images", "webjars", "actuator", "swagger-ui", "favicon-ico",
			"schillenboek", "rechtenverkenner", "datapedia");

	static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
