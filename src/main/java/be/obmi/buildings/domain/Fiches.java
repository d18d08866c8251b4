package be.obmi.buildings.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fiches of the Schillenboek: one per process, every save a new version (the history
 * is kept), the latest version moved through draft → review → published, optimistic
 * locking on the fiche row, every change in the audit trail (platform data: no tenant).
 * Readers see the published version; whether anonymous visitors may is in its content.
 */
@Service
public class Fiches implements PublishedFiches {

	static final String ENTITY = "schillenboek-fiche";

	private static final String SELECT = """
			select f.*, l.content as latest_content, p.content as published_content
			from buildings.fiche f
			join buildings.process pr on pr.code = f.process_code
			join buildings.fiche_version l on l.process_code = f.process_code and l.number = f.latest_version
			left join buildings.fiche_version p on p.process_code = f.process_code and p.number = f.published_version""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final ScopeLock lock;

	private final FicheModels models;

	private final ApplicationEventPublisher events;

	Fiches(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ScopeLock lock, FicheModels models,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.lock = lock;
		this.models = models;
		this.events = events;
	}

	/** Every fiche, in the order of the processes. */
	@Transactional(readOnly = true)
	public List<Fiche> all() {
		return jdbc.sql(SELECT + " order by pr.sort, pr.code").query(this::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<Fiche> find(String code) {
		return jdbc.sql(SELECT + " where f.process_code = ?").param(code).query(this::row).optional();
	}

	/**
	 * @throws NotFoundException when there is no such fiche
	 */
	@Transactional(readOnly = true)
	public Fiche require(String code) {
		return find(code).orElseThrow(() -> new NotFoundException(Reason.of("buildings.refused.ficheUnknown")));
	}

	/**
	 * The fiche when the reader may see its published version (public, or members-only
	 * for a logged-in member); otherwise nothing, so a members-only fiche is never told
	 * apart from a missing one.
	 */
	@Transactional(readOnly = true)
	public Optional<Fiche> readable(String code, boolean member) {
		return find(code).filter(f -> f.readableBy(member));
	}

	/** The published fiches a reader may see. */
	@Transactional(readOnly = true)
	public List<Fiche> readable(boolean member) {
		return all().stream().filter(f -> f.readableBy(member)).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<FicheSummary> published() {
		return all().stream()
			.filter(Fiche::hasPublishedVersion)
			.map(f -> new FicheSummary(f.code(), f.published().titleNl(), f.published().summary(),
					f.published().publicFiche(), f.publishedAt()))
			.toList();
	}

	/** The versions of a fiche, newest first. */
	@Transactional(readOnly = true)
	public List<FicheVersion> versions(String code) {
		return jdbc.sql("select * from buildings.fiche_version where process_code = ? order by number desc")
			.param(code)
			.query(this::version)
			.list();
	}

	/**
	 * @throws NotFoundException when the fiche has no such version
	 */
	@Transactional(readOnly = true)
	public FicheVersion version(String code, int number) {
		return jdbc.sql("select * from buildings.fiche_version where process_code = ? and number = ?")
			.params(code, number)
			.query(this::version)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("buildings.refused.versionUnknown", number)));
	}

	/**
	 * Saves the content as the fiche's new latest version (a draft), or creates the fiche
	 * (and its process when unknown) with it as version 1. Content equal to the latest
	 * version changes nothing.
	 * @param expectedVersion the fiche row's version the editor started from; null for an
	 * import, which takes the fiche as it is
	 * @return the fiche after the save
	 * @throws RefusedValueException for content the rules refuse
	 * @throws ConcurrentChangeException when someone else saved meanwhile
	 */
	@Transactional
	public Fiche save(FicheContent content, Integer expectedVersion, String by, String note) {
		lock.acquire(ScopeLock.Kind.SCHILLENBOEK, 0);
		Optional<Fiche> existing = find(content.code());
		if (existing.isPresent() && expectedVersion != null && expectedVersion != existing.get().version()) {
			throw new ConcurrentChangeException(
					Reason.of("buildings.refused.ficheChanged", existing.get().latest().titleNl()));
		}
		List<ImportError> problems = FicheChecks.problems(content);
		if (!problems.isEmpty()) {
			ImportError first = problems.getFirst();
			throw new RefusedValueException(new Reason(first.code(), first.arguments()));
		}
		if (existing.isEmpty()) {
			return create(content, by, note);
		}
		Fiche before = existing.get();
		if (before.latest().equals(content)) {
			return before;
		}
		int number = before.latestVersion() + 1;
		insertVersion(content, number, by, note);
		int rows = jdbc.sql("""
				update buildings.fiche set latest_version = ?, status = 'DRAFT', updated_at = now(), updated_by = ?,
				    version = version + 1
				where process_code = ? and version = ?""")
			.params(number, by, content.code(), before.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("buildings.refused.ficheChanged", before.latest().titleNl()));
		}
		audit.updated(null, ENTITY, content.code(), content.titleNl(),
				List.of(FieldChange.between("versie", before.latestVersion(), number),
						FieldChange.between("status", before.status(), FicheStatus.DRAFT)));
		events.publishEvent(new FicheChanged(content.code()));
		return require(content.code());
	}

	private Fiche create(FicheContent content, String by, String note) {
		jdbc.sql("""
				insert into buildings.process (code, name_nl, name_en, sort)
				values (?, ?, ?, (select coalesce(max(sort), 0) + 10 from buildings.process))
				on conflict (code) do nothing""").params(content.code(), content.titleNl(), content.titleEn()).update();
		jdbc.sql("""
				insert into buildings.fiche (process_code, status, latest_version, updated_by)
				values (?, 'DRAFT', 1, ?)""").params(content.code(), by).update();
		insertVersion(content, 1, by, note);
		audit.created(null, ENTITY, content.code(), content.titleNl(),
				List.of(FieldChange.added("versie", 1), FieldChange.added("status", FicheStatus.DRAFT)));
		events.publishEvent(new FicheChanged(content.code()));
		return require(content.code());
	}

	private void insertVersion(FicheContent content, int number, String by, String note) {
		jdbc.sql("""
				insert into buildings.fiche_version (process_code, number, content, note, created_by)
				values (?, ?, cast(? as jsonb), ?, ?)""")
			.params(content.code(), number, json.writeValueAsString(content), note, by)
			.update();
	}

	/**
	 * Moves the latest version to {@code next}: to review, back to draft, or published
	 * (then readers see it). A version is published only when its example payload
	 * conforms to the shape generated from its elements.
	 * @throws RefusedStateException for a step the status does not allow, or an example
	 * that does not conform
	 * @throws ConcurrentChangeException when someone else changed the fiche meanwhile
	 */
	@Transactional
	public Fiche step(String code, FicheStatus next, int expectedVersion, String by) {
		lock.acquire(ScopeLock.Kind.SCHILLENBOEK, 0);
		Fiche before = require(code);
		if (before.version() != expectedVersion) {
			throw new ConcurrentChangeException(Reason.of("buildings.refused.ficheChanged", before.latest().titleNl()));
		}
		if (!before.status().allows(next)) {
			throw new RefusedStateException(Reason.of("buildings.refused.step", before.status(), next));
		}
		if (next == FicheStatus.PUBLISHED) {
			FicheModels.Validation validation = models.validate(before.latest());
			if (!validation.conforms()) {
				throw new RefusedStateException(
						Reason.of("buildings.refused.exampleInvalid", String.join("; ", validation.messages())));
			}
		}
		int rows = jdbc.sql("""
				update buildings.fiche set status = ?, updated_at = now(), updated_by = ?, version = version + 1,
				    published_version = case when ? then latest_version else published_version end,
				    published_at = case when ? then now() else published_at end
				where process_code = ? and version = ?""")
			.params(next.name(), by, next == FicheStatus.PUBLISHED, next == FicheStatus.PUBLISHED, code,
					expectedVersion)
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("buildings.refused.ficheChanged", before.latest().titleNl()));
		}
		audit.updated(null, ENTITY, code, before.latest().titleNl(),
				List.of(FieldChange.between("status", before.status(), next)));
		events.publishEvent(new FicheChanged(code));
		return require(code);
	}

	private Fiche row(ResultSet rs, int n) throws SQLException {
		Integer published = rs.getObject("published_version", Integer.class);
		String publishedContent = rs.getString("published_content");
		return new Fiche(rs.getString("process_code"), FicheStatus.valueOf(rs.getString("status")),
				rs.getInt("latest_version"), published, rs.getObject("published_at", OffsetDateTime.class),
				rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"),
				content(rs.getString("latest_content")), publishedContent == null ? null : content(publishedContent));
	}

	private FicheVersion version(ResultSet rs, int n) throws SQLException {
		return new FicheVersion(rs.getString("process_code"), rs.getInt("number"), content(rs.getString("content")),
				rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
	}

	private FicheContent content(String text) {
		return json.readValue(text, FicheContent.class);
	}

}
