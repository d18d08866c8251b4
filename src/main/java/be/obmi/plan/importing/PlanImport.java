package be.obmi.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.PolicyFields;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import be.obmi.audit.Changes;
import java.util.Locale;

/**
 * Imports a plan file into the tenant's current plan, all or nothing. Items are matched
 * on code: a known code is updated, a new one created, nothing is duplicated, and items
 * the file does not mention are kept. Every error of the file is reported (row, column,
 * message code) and then nothing changes; the codes of archived items cannot be reused.
 * When anything changed, the plan gets a new version that keeps the result, and what the
 * import did to each item is kept so that {@link PlanImportUndo} can undo it as a whole.
 * Projects and releases ({@code PR} and {@code RL} rows, {@link ProjectReleaseRows}) are
 * matched on code the same way; an import that changed them cannot be undone.
 * <p>
 * Over 300 lines because a plan file is read, checked and applied in one all-or-nothing
 * pass whose checks (codes, parents, types, archived codes) need the whole file and plan
 * at once.
 */
@Service
public class PlanImport {

	static final String CODE = "code";

	static final String TYPE = "type";

	static final String PARENT = "bovenliggende_code";

	static final String TITLE = "titel";

	static final String DESCRIPTION = "omschrijving";

	static final String PRIORITY = "prioritair";

	static final String FIELD = "beleidsveld";

	static final String POLITICAL = "politiek_verantwoordelijke";

	static final String ADMINISTRATIVE = "ambtelijk_verantwoordelijke";

	static final String START = "startdatum";

	static final String END = "einddatum";

	/** A valid row of the file. */
	record Entry(int row, String code, ItemType type, String parentCode, String title, String description,
			boolean priority, String policyField, String politicalOwner, String administrativeOwner, LocalDate start,
			LocalDate end) {
	}

	/** The fields an import compares and sets. */
	public record Values(ItemType type, String parentCode, String title, String description, boolean priority,
			String policyField, String politicalOwner, String administrativeOwner, LocalDate startDate,
			LocalDate endDate) {
	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final PlanItems items;

	private final PlanExport export;

	private final PolicyFields policyFields;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	private final PlanImportUndo undo;

	private final ProjectReleaseRows work;

	PlanImport(JdbcClient jdbc, Plans plans, PlanItems items, PlanExport export, PolicyFields policyFields,
			AuditTrail audit, ObmiMetrics metrics, ScopeLock lock, PlanImportUndo undo, ProjectReleaseRows work) {
		this.undo = undo;
		this.work = work;
		this.lock = lock;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.plans = plans;
		this.items = items;
		this.export = export;
		this.policyFields = policyFields;
		this.audit = audit;
	}

	/**
	 * @throws ImportRejectedException with every error when the file is not valid;
	 * nothing is changed then
	 */
	@Transactional(rollbackFor = Exception.class)
	public ImportSummary importPlan(Tenant tenant, byte[] content, String actor) {
		return metrics.timeImport("plan", tenant.slug(), ImportRejectedException.class,
				() -> storePlan(tenant, content, actor), ImportSummary::rows);
	}

	private ImportSummary storePlan(Tenant tenant, byte[] content, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		Table file = TableReader.read(content, PlanExport.COLUMNS);
		Plan plan = plans.currentOrNew(tenant);
		List<PlanItem> existingItems = items.all(plan);
		Map<String, PlanItem> existing = new HashMap<>();
		Map<Long, PlanItem> existingById = new HashMap<>();
		for (PlanItem item : existingItems) {
			existing.put(item.code(), item);
			existingById.put(item.id(), item);
		}

		List<ImportError> errors = new ArrayList<>();
		Map<String, Entry> entries = new LinkedHashMap<>();
		Map<String, Integer> firstRow = new HashMap<>();
		List<Entry> parsed = new ArrayList<>();
		// archived items keep their codes: the file must not reuse them (restore them
		// first)
		Set<String> archived = new HashSet<>(jdbc
			.sql("select code from plan.plan_item where plan_id = ? and tenant_id = ? and archived_at is not null")
			.params(plan.id(), tenant.id())
			.query(String.class)
			.list());
		List<Table.Row> workLines = new ArrayList<>();
		for (Table.Row line : file.rows()) {
			if (ProjectReleaseRows.handles(line)) {
				workLines.add(line);
				continue;
			}
			Entry entry = parse(line, errors);
			if (entry == null) {
				continue;
			}
			Integer earlier = firstRow.putIfAbsent(entry.code(), line.number());
			if (earlier != null) {
				errors.add(new ImportError(line.number(), CODE, "import.plan.codeDuplicate", entry.code(), earlier));
				continue;
			}
			if (archived.contains(entry.code())) {
				errors.add(new ImportError(line.number(), CODE, "import.plan.codeArchived", entry.code()));
				continue;
			}
			if (archived.contains(entry.parentCode())) {
				errors.add(new ImportError(line.number(), PARENT, "import.plan.parentArchived", entry.parentCode()));
				continue;
			}
			parsed.add(entry);
			entries.put(entry.code(), entry);
		}
		// Codes that fail to parse still count as known, so their children get no second,
		// misleading error.
		Set<String> knownCodes = new HashSet<>(existing.keySet());
		file.rows().forEach(l -> {
			if (l.value(CODE) != null && !ProjectReleaseRows.handles(l)) {
				knownCodes.add(l.value(CODE));
			}
		});
		for (Entry entry : parsed) {
			checkParent(entry, entries, existing, knownCodes, errors);
		}
		// Existing items the file leaves out must still fit under their (possibly
		// retyped) parent.
		for (PlanItem item : existingItems) {
			if (entries.containsKey(item.code()) || item.parentId() == null) {
				continue;
			}
			PlanItem parent = existingById.get(item.parentId());
			Entry parentEntry = entries.get(parent.code());
			if (parentEntry != null && parentEntry.type() != item.type().parentType()) {
				errors.add(new ImportError(parentEntry.row(), TYPE, "import.plan.parentTypeConflict",
						parentEntry.type().name(), item.code(), typeName(item.type())));
			}
		}
		List<ProjectReleaseRows.Entry> workEntries = work.read(plan, workLines, knownCodes, archived, errors);
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportError::row));
			throw new ImportRejectedException(errors);
		}

		// The final tree: file entries over existing items; then the priority rule
		// upwards.
		Map<String, Values> target = new LinkedHashMap<>();
		for (PlanItem item : existingItems) {
			target.put(item.code(), valuesOf(item, existingById));
		}
		for (Entry e : parsed) {
			target.put(e.code(), new Values(e.type(), e.parentCode(), e.title(), e.description(), e.priority(),
					e.policyField(), e.politicalOwner(), e.administrativeOwner(), e.start(), e.end()));
		}
		for (String code : List.copyOf(target.keySet())) {
			Values values = target.get(code);
			if (!values.priority()) {
				continue;
			}
			String parent = values.parentCode();
			while (parent != null) {
				Values p = target.get(parent);
				if (!p.priority()) {
					target.put(parent, withPriority(p));
				}
				parent = p.parentCode();
			}
		}

		int offset = existingItems.stream().mapToInt(PlanItem::sortOrder).max().orElse(0);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<PlanImportUndo.Change> done = new ArrayList<>();
		Map<String, Long> ids = new HashMap<>();
		existingItems.forEach(i -> ids.put(i.code(), i.id()));
		for (ItemType level : ItemType.values()) {
			for (Map.Entry<String, Values> e : target.entrySet()) {
				Values values = e.getValue();
				if (values.type() != level) {
					continue;
				}
				String code = e.getKey();
				PlanItem before = existing.get(code);
				Long parentId = values.parentCode() == null ? null : ids.get(values.parentCode());
				Entry entry = entries.get(code);
				if (before == null) {
					long id = insert(plan, code, values, parentId, offset + entry.row());
					ids.put(code, id);
					created++;
					done.add(PlanImportUndo.Change.created(id));
					audit.created(tenant.id(), "planitem", String.valueOf(id), code, changes(null, values));
					continue;
				}
				Values old = valuesOf(before, existingById);
				if (old.equals(values)) {
					if (entry != null) {
						unchanged++;
					}
					continue;
				}
				jdbc.sql("""
						update plan.plan_item set type = ?, parent_id = ?, title = ?, description = ?, priority = ?,
						  policy_field = ?, political_owner = ?, administrative_owner = ?, start_date = ?, end_date = ?,
						  version = version + 1
						where id = ? and tenant_id = ?""")
					.params(values.type().name(), parentId, values.title(), values.description(), values.priority(),
							values.policyField(), values.politicalOwner(), values.administrativeOwner(),
							values.startDate(), values.endDate(), before.id(), tenant.id())
					.update();
				updated++;
				done.add(PlanImportUndo.Change.updated(before));
				audit.updated(tenant.id(), "planitem", String.valueOf(before.id()), code, changes(old, values));
			}
		}
		ProjectReleaseRows.Counts workCounts = work.apply(plan, workEntries, ids);
		int workChanges = workCounts.created() + workCounts.updated();
		created += workCounts.created();
		updated += workCounts.updated();
		unchanged += workCounts.unchanged();
		int notInFile = (int) existingItems.stream().filter(i -> !entries.containsKey(i.code())).count();
		int version = plan.currentVersion();
		if (created + updated > 0) {
			version = plans.addVersion(plan, "Import " + LocalDate.now(), actor, created, updated,
					export.csvText(plan));
			undo.record(plan, version, done, workChanges);
			audit.updated(tenant.id(), "meerjarenplan", String.valueOf(plan.id()), plan.name(),
					List.of(FieldChange.between("versie", plan.currentVersion(), version), FieldChange.added("import",
							"%d nieuw, %d gewijzigd, %d ongewijzigd".formatted(created, updated, unchanged))));
		}
		return new ImportSummary(file.rows().size(), created, updated, unchanged, notInFile, version);
	}

	private Entry parse(Table.Row line, List<ImportError> errors) {
		int row = line.number();
		int before = errors.size();
		String code = line.value(CODE);
		if (code == null) {
			errors.add(new ImportError(row, CODE, "import.plan.required", CODE));
		}
		else if (code.length() > 60) {
			errors.add(new ImportError(row, CODE, "import.plan.codeTooLong"));
		}
		ItemType type = null;
		String typeText = line.value(TYPE);
		if (typeText == null) {
			errors.add(new ImportError(row, TYPE, "import.plan.typeRequired"));
		}
		else {
			try {
				type = ItemType.valueOf(typeText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ImportError(row, TYPE, "import.plan.typeInvalid", typeText));
			}
		}
		String title = line.value(TITLE);
		if (title == null) {
			errors.add(new ImportError(row, TITLE, "import.plan.required", TITLE));
		}
		else if (title.length() > 500) {
			errors.add(new ImportError(row, TITLE, "import.plan.titleTooLong"));
		}
		boolean priority = false;
		String priorityText = line.value(PRIORITY);
		if (priorityText != null) {
			switch (priorityText.toLowerCase(Locale.ROOT)) {
				case "ja", "j", "1", "true" -> priority = true;
				case "nee", "n", "0", "false" -> priority = false;
				default -> errors.add(new ImportError(row, PRIORITY, "import.plan.priorityInvalid", priorityText));
			}
		}
		String field = line.value(FIELD);
		if (field != null && field.matches("\\d{1,3}")) {
			// a policy field typed as a number in a spreadsheet loses its leading zero
			// (0200 becomes 200)
			field = "%04d".formatted(Integer.parseInt(field));
		}
		if (field != null && policyFields.byCode(field).isEmpty()) {
			errors.add(new ImportError(row, FIELD, "import.plan.policyFieldUnknown", field));
		}
		LocalDate start = date(line, START, errors);
		LocalDate end = date(line, END, errors);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add(new ImportError(row, END, "import.plan.endBeforeStart"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new Entry(row, code, type, line.value(PARENT), title, line.value(DESCRIPTION), priority, field,
				line.value(POLITICAL), line.value(ADMINISTRATIVE), start, end);
	}

	private static LocalDate date(Table.Row line, String column, List<ImportError> errors) {
		String text = line.value(column);
		if (text == null) {
			return null;
		}
		LocalDate date = DateText.parse(text);
		if (date == null) {
			errors.add(new ImportError(line.number(), column, "import.plan.dateInvalid", text));
		}
		return date;
	}

	private static void checkParent(Entry entry, Map<String, Entry> entries, Map<String, PlanItem> existing,
			Set<String> knownCodes, List<ImportError> errors) {
		String parentCode = entry.parentCode();
		if (entry.type() == ItemType.BD) {
			if (parentCode != null) {
				errors.add(new ImportError(entry.row(), PARENT, "import.plan.goalHasParent", parentCode));
			}
			return;
		}
		if (parentCode == null) {
			errors.add(new ImportError(entry.row(), PARENT, "import.plan.parentRequired", typeName(entry.type()),
					typeName(entry.type().parentType())));
			return;
		}
		if (parentCode.equals(entry.code())) {
			errors.add(new ImportError(entry.row(), PARENT, "import.plan.parentSelf"));
			return;
		}
		ItemType parentType = entries.containsKey(parentCode) ? entries.get(parentCode).type()
				: existing.containsKey(parentCode) ? existing.get(parentCode).type() : null;
		if (parentType == null) {
			if (!knownCodes.contains(parentCode)) {
				errors.add(new ImportError(entry.row(), PARENT, "import.plan.parentUnknown", parentCode));
			}
			return;
		}
		if (parentType != entry.type().parentType()) {
			errors.add(new ImportError(entry.row(), PARENT, "import.plan.parentWrongType", typeName(entry.type()),
					typeName(entry.type().parentType()), typeName(parentType), parentCode));
		}
	}

	/**
	 * The name of a type in an error, in the reader's language ("beleidsdoelstelling
	 * (BD)").
	 */
	static MessageSourceResolvable typeName(ItemType type) {
		return ImportError.text("import.plan.type." + type.name());
	}

	private long insert(Plan plan, String code, Values v, Long parentId, int sortOrder) {
		return jdbc.sql("""
				insert into plan.plan_item (tenant_id, plan_id, parent_id, type, code, title, description, priority,
				  policy_field, political_owner, administrative_owner, start_date, end_date, sort_order)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.tenantId(), plan.id(), parentId, v.type().name(), code, v.title(), v.description(),
					v.priority(), v.policyField(), v.politicalOwner(), v.administrativeOwner(), v.startDate(),
					v.endDate(), sortOrder)
			.query(Long.class)
			.single();
	}

	private static Values valuesOf(PlanItem item, Map<Long, PlanItem> byId) {
		return new Values(item.type(), item.parentId() == null ? null : byId.get(item.parentId()).code(), item.title(),
				item.description(), item.priority(), item.policyField(), item.politicalOwner(),
				item.administrativeOwner(), item.startDate(), item.endDate());
	}

	private static Values withPriority(Values v) {
		return new Values(v.type(), v.parentCode(), v.title(), v.description(), true, v.policyField(),
				v.politicalOwner(), v.administrativeOwner(), v.startDate(), v.endDate());
	}

	private static List<FieldChange> changes(Values before, Values after) {
		return Changes.between(before, after);
	}

}
