package be.obmi.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.plan.domain.Plan;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The project ({@code PR}) and release ({@code RL}) rows of the plan file: read, checked
 * and applied after the items by {@link PlanImport}, written after their item by
 * {@link PlanExport}. They are matched on their code (unique per tenant); a project hangs
 * under an item, a release under an item or under a project (then it is linked to that
 * project, on the project's item). Rows the file leaves out are kept. A single row's
 * fields are read by {@link ProjectReleaseLines}.
 */
@Service
class ProjectReleaseRows {

	static final String PROJECT = "PR";

	static final String RELEASE = "RL";

	static final String ACTUAL = "gerealiseerd_op";

	static final String STATUS = "releasestatus";

	static final Set<String> STATUSES = Set.of("GEPLAND", "GEREALISEERD", "VERSCHOVEN", "GESCHRAPT");

	/**
	 * What the file says of a project or release, and what is compared and kept in the
	 * history; {@code parent} is the code of the item, or for a linked release of the
	 * project.
	 */
	public record Values(String parent, String title, String description, LocalDate plannedDate, LocalDate actualDate,
			String status) {
	}

	/** A valid PR or RL row. */
	record Entry(int row, String kind, String code, Values values) {
	}

	/**
	 * A project or release of the tenant; {@code taken}: archived, or of another plan.
	 */
	record Stored(String kind, long id, String code, long itemId, String itemCode, Long projectId, String title,
			String description, LocalDate plannedDate, LocalDate actualDate, String status, boolean taken) {
	}

	/** How many rows were created, updated and left as they were. */
	record Counts(int created, int updated, int unchanged) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ProjectReleaseRows(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	static boolean handles(Table.Row line) {
		String type = line.value(PlanImport.TYPE);
		return type != null && Set.of(PROJECT, RELEASE).contains(type.toUpperCase(Locale.ROOT));
	}

	/**
	 * Reads and checks the PR and RL rows; adds every error to {@code errors}.
	 * @param itemCodes the codes of the active items of the plan and of the item rows of
	 * the file
	 * @param archived the codes of the archived items of the plan
	 */
	List<Entry> read(Plan plan, List<Table.Row> lines, Set<String> itemCodes, Set<String> archived,
			List<ImportError> errors) {
		Map<String, Stored> stored = stored(plan);
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (Table.Row line : lines) {
			Entry entry = ProjectReleaseLines.parse(line, errors);
			if (entry == null) {
				continue;
			}
			Stored known = stored.get(entry.code());
			if (entries.containsKey(entry.code())) {
				errors.add(new ImportError(line.number(), PlanImport.CODE, "import.plan.codeDuplicate", entry.code(),
						entries.get(entry.code()).row()));
			}
			else if (itemCodes.contains(entry.code()) || archived.contains(entry.code())) {
				errors.add(new ImportError(line.number(), PlanImport.CODE, "import.plan.workCodeIsItem", entry.code()));
			}
			else if (known != null && (known.taken() || !known.kind().equals(entry.kind()))) {
				errors.add(new ImportError(line.number(), PlanImport.CODE, "import.plan.workCodeTaken", entry.code()));
			}
			else {
				entries.put(entry.code(), entry);
			}
		}
		for (Entry entry : entries.values()) {
			String parent = entry.values().parent();
			boolean project = RELEASE.equals(entry.kind()) && (entries.containsKey(parent)
					? PROJECT.equals(entries.get(parent).kind()) : isActiveProject(stored.get(parent)));
			if (archived.contains(parent)) {
				errors.add(new ImportError(entry.row(), PlanImport.PARENT, "import.plan.parentArchived", parent));
			}
			else if (!project && !itemCodes.contains(parent)) {
				errors.add(new ImportError(entry.row(), PlanImport.PARENT, "import.plan.parentUnknown", parent));
			}
		}
		return List.copyOf(entries.values());
	}

	private static boolean isActiveProject(Stored stored) {
		return stored != null && PROJECT.equals(stored.kind()) && !stored.taken();
	}

	/**
	 * Creates or updates the projects, then the releases, of a checked file, each with
	 * its line in the history.
	 * @param itemIds the id of every active item of the plan by code, after the import
	 */
	Counts apply(Plan plan, List<Entry> entries, Map<String, Long> itemIds) {
		Map<String, Stored> stored = stored(plan);
		Map<String, Long> projectIds = new HashMap<>();
		Map<String, Long> projectItems = new HashMap<>();
		stored.values().stream().filter(ProjectReleaseRows::isActiveProject).forEach(s -> {
			projectIds.put(s.code(), s.id());
			projectItems.put(s.code(), s.itemId());
		});
		int[] counts = new int[3];
		for (String kind : List.of(PROJECT, RELEASE)) {
			for (Entry entry : entries) {
				if (!entry.kind().equals(kind)) {
					continue;
				}
				Values values = entry.values();
				Long projectId = PROJECT.equals(kind) ? null : projectIds.get(values.parent());
				long itemId = projectId != null ? projectItems.get(values.parent()) : itemIds.get(values.parent());
				Stored before = stored.get(entry.code());
				long id = before == null ? insert(plan, entry, itemId, projectId)
						: update(plan, before, stored, values, itemId, projectId, counts);
				counts[before == null ? 0 : 2]++;
				if (PROJECT.equals(kind)) {
					projectIds.put(entry.code(), id);
					projectItems.put(entry.code(), itemId);
				}
			}
		}
		return new Counts(counts[0], counts[1], counts[2] - counts[1]);
	}

	private long insert(Plan plan, Entry entry, long itemId, Long projectId) {
		Values v = entry.values();
		long id = PROJECT.equals(entry.kind()) ? jdbc.sql("""
				insert into plan.project (tenant_id, item_id, code, name, description, planned_date, actual_date)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.tenantId(), itemId, entry.code(), v.title(), v.description(), v.plannedDate(), v.actualDate())
			.query(Long.class)
			.single() : insertRelease(plan, entry, itemId, projectId);
		audit.created(plan.tenantId(), entity(entry.kind()), String.valueOf(id), v.title(), Changes.between(null, v));
		return id;
	}

	private long insertRelease(Plan plan, Entry entry, long itemId, Long projectId) {
		Values v = entry.values();
		return jdbc
			.sql("""
					insert into plan.release (tenant_id, item_id, project_id, code, title, planned_date, actual_date, status)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.tenantId(), itemId, projectId, entry.code(), v.title(), v.plannedDate(), v.actualDate(),
					v.status())
			.query(Long.class)
			.single();
	}

	/** Updates a stored row when the file changes it (counts[1]); returns its id. */
	private long update(Plan plan, Stored before, Map<String, Stored> stored, Values values, long itemId,
			Long projectId, int[] counts) {
		Values old = valuesOf(before, stored);
		if (old.equals(values)) {
			return before.id();
		}
		if (PROJECT.equals(before.kind())) {
			jdbc.sql("""
					update plan.project set item_id = ?, name = ?, description = ?, planned_date = ?, actual_date = ?,
					  version = version + 1 where id = ? and tenant_id = ?""")
				.params(itemId, values.title(), values.description(), values.plannedDate(), values.actualDate(),
						before.id(), plan.tenantId())
				.update();
			// a linked release stays on its project's item
			jdbc.sql("update plan.release set item_id = ? where project_id = ? and tenant_id = ?")
				.params(itemId, before.id(), plan.tenantId())
				.update();
		}
		else {
			jdbc.sql("""
					update plan.release set item_id = ?, project_id = ?, title = ?, planned_date = ?, actual_date = ?,
					  status = ?, version = version + 1 where id = ? and tenant_id = ?""")
				.params(itemId, projectId, values.title(), values.plannedDate(), values.actualDate(), values.status(),
						before.id(), plan.tenantId())
				.update();
		}
		counts[1]++;
		audit.updated(plan.tenantId(), entity(before.kind()), String.valueOf(before.id()), values.title(),
				Changes.between(old, values));
		return before.id();
	}

	private static String entity(String kind) {
		return PROJECT.equals(kind) ? "project" : "release";
	}

	/**
	 * What the file would say of a stored row: its parent is its active project, else its
	 * item.
	 */
	private static Values valuesOf(Stored s, Map<String, Stored> byCode) {
		return new Values(parentCode(s, byCode), s.title(), s.description(), s.plannedDate(), s.actualDate(),
				s.status());
	}

	private static String parentCode(Stored s, Map<String, Stored> byCode) {
		if (s.projectId() == null) {
			return s.itemCode();
		}
		return byCode.values()
			.stream()
			.filter(p -> isActiveProject(p) && p.id() == s.projectId())
			.map(Stored::code)
			.findFirst()
			.orElse(s.itemCode());
	}

	/**
	 * The export rows of the active projects and releases of a plan by item id, each a
	 * map of column to value: every project followed by its releases, then the releases
	 * without project.
	 */
	Map<Long, List<Map<String, String>>> export(Plan plan) {
		Map<String, Stored> stored = stored(plan);
		List<Stored> active = stored.values().stream().filter(s -> !s.taken()).toList();
		Map<Long, List<Map<String, String>>> rows = new HashMap<>();
		for (Stored project : active.stream().filter(s -> PROJECT.equals(s.kind())).toList()) {
			List<Map<String, String>> list = rows.computeIfAbsent(project.itemId(), k -> new ArrayList<>());
			list.add(ProjectReleaseLines.row(project, parentCode(project, stored)));
			active.stream()
				.filter(r -> RELEASE.equals(r.kind()) && Long.valueOf(project.id()).equals(r.projectId()))
				.forEach(r -> list.add(ProjectReleaseLines.row(r, parentCode(r, stored))));
		}
		active.stream()
			.filter(r -> RELEASE.equals(r.kind()) && parentCode(r, stored).equals(r.itemCode()))
			.forEach(r -> rows.computeIfAbsent(r.itemId(), k -> new ArrayList<>())
				.add(ProjectReleaseLines.row(r, parentCode(r, stored))));
		return rows;
	}

	/**
	 * The projects and releases of the tenant by code, in a stable order (projects by id,
	 * releases by planned date and id); those of archived items or other plans are
	 * {@code taken}.
	 */
	private Map<String, Stored> stored(Plan plan) {
		Map<String, Stored> byCode = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select 'PR' as kind, p.id, p.code, p.item_id, i.code as item_code, cast(null as bigint) as project_id,
						  p.name as title, p.description, p.planned_date, p.actual_date, cast(null as varchar) as status,
						  (p.archived_at is not null or i.archived_at is not null or i.plan_id <> ?) as taken
						from plan.project p join plan.plan_item i on i.id = p.item_id where p.tenant_id = ?
						union all
						select 'RL', r.id, r.code, r.item_id, i.code, r.project_id, r.title, null, r.planned_date, r.actual_date,
						  r.status, (r.archived_at is not null or i.archived_at is not null or i.plan_id <> ?)
						from plan.release r join plan.plan_item i on i.id = r.item_id where r.tenant_id = ?
						order by kind, planned_date, id""")
			.params(plan.id(), plan.tenantId(), plan.id(), plan.tenantId())
			.query(Stored.class)
			.list()
			.forEach(s -> byCode.put(s.code(), s));
		return byCode;
	}

}
