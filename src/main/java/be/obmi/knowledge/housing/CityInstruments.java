package be.obmi.knowledge.housing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.InvisibleCharacters;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cities' housing-policy instruments: per city (a municipality or the VGC) and
 * instrument whether it is in use, the link to the city's regulation, a note and since
 * when. A city's redacteur saves them on the city's page, between rounds as well as in a
 * round's task; every save is all-or-nothing and checks each record's version.
 */
@Service
public class CityInstruments {

	static final int MAX_NOTE = 2000;

	static final int MAX_LINK = 500;

	private static final String SELECT = """
			select tenant_id, instrument_code, present, regulation_url, note, since, changed_by, changed_at, demo, version
			from knowledge.housing_city_instrument""";

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final HousingCatalogue catalogue;

	private final AuditTrail audit;

	CityInstruments(JdbcClient jdbc, Tenants tenants, HousingCatalogue catalogue, AuditTrail audit) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/**
	 * The tenants that keep housing instruments: the municipalities and the VGC, by name.
	 */
	public List<Tenant> cities() {
		return tenants.all().stream().filter(CityInstruments::isCity).toList();
	}

	public static boolean isCity(Tenant tenant) {
		return tenant.kind() == Tenant.Kind.GEMEENTE || tenant.kind() == Tenant.Kind.GEMEENSCHAPSCOMMISSIE;
	}

	/** A city's records, by instrument code. */
	@Transactional(readOnly = true)
	public Map<String, CityInstrument> of(Tenant tenant) {
		Map<String, CityInstrument> records = new HashMap<>();
		jdbc.sql(SELECT + " where tenant_id = ?")
			.param(tenant.id())
			.query(CityInstrument.class)
			.list()
			.forEach(r -> records.put(r.instrumentCode(), r));
		return records;
	}

	/** Whether any current record was made by the demo data. */
	@Transactional(readOnly = true)
	public boolean anyDemo() {
		return jdbc.sql("select exists (select 1 from knowledge.housing_city_instrument where demo)")
			.query(Boolean.class)
			.single();
	}

	/** Every city's current state, by tenant id and instrument code. */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, InstrumentState>> current() {
		Map<Long, Map<String, InstrumentState>> states = new HashMap<>();
		jdbc.sql(SELECT)
			.query(CityInstrument.class)
			.list()
			.forEach(
					r -> states.computeIfAbsent(r.tenantId(), t -> new HashMap<>()).put(r.instrumentCode(), r.state()));
		return states;
	}

	/**
	 * Saves a city's entries, all or none: an entry the city had no record of and that is
	 * not present and has no link or note is skipped; an unchanged one is left as it is.
	 * @return how many records were added or changed
	 * @throws RefusedValueException for an unknown instrument, a link that is not
	 * http(s), a note too long or an implausible date
	 * @throws ConcurrentChangeException when a record changed since the form read it
	 */
	@Transactional
	public int save(Tenant tenant, List<InstrumentForm> forms, String actor, boolean demo) {
		if (!isCity(tenant)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.notACity", tenant.name()));
		}
		Set<String> known = catalogue.everyInstrument().keySet();
		List<InstrumentForm> cleaned = new ArrayList<>();
		for (InstrumentForm form : forms) {
			cleaned.add(checked(form, known));
		}
		Map<String, CityInstrument> before = of(tenant);
		int changed = 0;
		for (InstrumentForm form : cleaned) {
			if (apply(tenant, form, before.get(form.code()), actor, demo)) {
				changed++;
			}
		}
		return changed;
	}

	private boolean apply(Tenant tenant, InstrumentForm form, CityInstrument before, String actor, boolean demo) {
		InstrumentState state = form.state();
		if (before == null) {
			if (form.version() >= 0) {
				throw new ConcurrentChangeException(
						Reason.of("knowledge.refused.housing.changedMeanwhile", form.code()));
			}
			if (!state.present() && state.regulationUrl() == null && state.note() == null) {
				return false;
			}
			int rows = jdbc.sql("""
					insert into knowledge.housing_city_instrument
					  (tenant_id, instrument_code, present, regulation_url, note, since, changed_by, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, instrument_code) do nothing""")
				.params(tenant.id(), form.code(), state.present(), state.regulationUrl(), state.note(), state.since(),
						actor, demo)
				.update();
			if (rows == 0) {
				throw new ConcurrentChangeException(
						Reason.of("knowledge.refused.housing.changedMeanwhile", form.code()));
			}
			audit.created(tenant.id(), "woonbeleidsinstrument", form.code(), form.code(), Changes.between(null, state));
			return true;
		}
		if (before.version() != form.version()) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.housing.changedMeanwhile", form.code()));
		}
		if (before.state().equals(state)) {
			return false;
		}
		int rows = jdbc.sql("""
				update knowledge.housing_city_instrument set present = ?, regulation_url = ?, note = ?, since = ?,
				  changed_by = ?, changed_at = now(), version = version + 1
				where tenant_id = ? and instrument_code = ? and version = ?""")
			.params(state.present(), state.regulationUrl(), state.note(), state.since(), actor, tenant.id(),
					form.code(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.housing.changedMeanwhile", form.code()));
		}
		audit.updated(tenant.id(), "woonbeleidsinstrument", form.code(), form.code(),
				Changes.between(before.state(), state));
		return true;
	}

	/** The form with its texts cleaned, or a refusal naming the instrument. */
	private static InstrumentForm checked(InstrumentForm form, Set<String> known) {
		if (form.code() == null || !known.contains(form.code())) {
			throw new RefusedValueException(
					Reason.of("knowledge.refused.housing.unknownInstrument", String.valueOf(form.code())));
		}
		String link = blankToNull(InvisibleCharacters.clean(form.regulationUrl()));
		String note = blankToNull(InvisibleCharacters.clean(form.note()));
		if (link != null && (link.length() > MAX_LINK || !webLink(link))) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.link", form.code()));
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.noteTooLong", form.code(), MAX_NOTE));
		}
		LocalDate since = form.since();
		if (since != null && (since.getYear() < 1900 || since.getYear() > 2200)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.since", form.code()));
		}
		return new InstrumentForm(form.code(), form.present(), link, note, since, form.version());
	}

	/** Whether the text is an absolute http or https address with a host. */
	static boolean webLink(String text) {
		try {
			URI uri = new URI(text);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
