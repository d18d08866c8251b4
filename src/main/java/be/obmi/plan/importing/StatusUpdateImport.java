package be.obmi.plan.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateState;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk status update by file into an open round (columns
 * {@code code;status;voortgang;toelichting;knelpunten}), matched on item code, all or
 * nothing. Imported updates are submitted (ingediend) and await approval.
 */
@Service
public class StatusUpdateImport {

	public static final List<String> COLUMNS = List.of("code", "status", "voortgang", "toelichting", "knelpunten");

	private record Entry(StatusRounds.Task task, ItemStatus status, int progress, String narrative,
			String bottlenecks) {
	}

	private final StatusRounds rounds;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	StatusUpdateImport(StatusRounds rounds, AuditTrail audit, ObmiMetrics metrics, ScopeLock lock) {
		this.lock = lock;
		this.metrics = metrics;
		this.rounds = rounds;
		this.audit = audit;
	}

	/**
	 * @throws ImportRejectedException with every error; nothing changes then
	 */
	@Transactional(rollbackFor = Exception.class)
	public ImportSummary importStatuses(Tenant tenant, long roundId, byte[] content, String actor) {
		return metrics.timeImport("plan", tenant.slug(), ImportRejectedException.class,
				() -> storeStatuses(tenant, roundId, content, actor), ImportSummary::rows);
	}

	private ImportSummary storeStatuses(Tenant tenant, long roundId, byte[] content, String actor) {
		// the round's state and the approvals read below cannot change before this import
		// commits
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		StatusRound round = rounds.round(tenant, roundId)
			.orElseThrow(() -> ImportRejectedException.at(1, "", "import.plan.roundUnknown"));
		if (!round.open()) {
			throw ImportRejectedException.at(1, "", "import.plan.roundClosed", round.name());
		}
		Table file = TableReader.read(content, COLUMNS);
		Map<String, StatusRounds.Task> tasks = new HashMap<>();
		rounds.tasks(tenant, round).forEach(t -> tasks.put(t.item().code(), t));
		List<ImportError> errors = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Table.Row line : file.rows()) {
			int row = line.number();
			int before = errors.size();
			String code = line.value("code");
			StatusRounds.Task task = null;
			if (code == null) {
				errors.add(new ImportError(row, "code", "import.plan.required", "code"));
			}
			else if (seen.putIfAbsent(code, row) != null) {
				errors.add(new ImportError(row, "code", "import.plan.codeDuplicate", code, seen.get(code)));
			}
			else {
				task = tasks.get(code);
				if (task == null) {
					errors.add(new ImportError(row, "code", "import.plan.itemNotInRound", code, round.name()));
				}
			}
			ItemStatus status = ItemStatus.parse(line.value("status")).orElse(null);
			if (status == null) {
				String statusText = line.value("status");
				errors.add(statusText == null ? new ImportError(row, "status", "import.plan.required", "status")
						: new ImportError(row, "status", "import.plan.statusUnknown", statusText));
			}
			int progress = 0;
			String progressText = line.value("voortgang");
			if (progressText != null) {
				try {
					progress = Integer.parseInt(progressText.replace("%", "").trim());
					if (progress < 0 || progress > 100) {
						errors.add(new ImportError(row, "voortgang", "import.plan.progressOutOfRange"));
					}
				}
				catch (NumberFormatException ex) {
					errors.add(new ImportError(row, "voortgang", "import.plan.progressInvalid", progressText));
				}
			}
			if (errors.size() > before) {
				continue;
			}
			var existing = task.update();
			boolean same = existing != null && existing.status() == status && existing.progress() == progress
					&& Objects.equals(existing.narrative(), line.value("toelichting"))
					&& Objects.equals(existing.bottlenecks(), line.value("knelpunten"));
			if (!same && existing != null
					&& (existing.state() == UpdateState.GOEDGEKEURD || existing.state() == UpdateState.GEPUBLICEERD)) {
				errors.add(new ImportError(row, "code", "import.plan.updateApproved", code));
				continue;
			}
			entries.add(new Entry(task, status, progress, line.value("toelichting"), line.value("knelpunten")));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Entry e : entries) {
			boolean had = e.task().update() != null;
			if (rounds.saveImported(tenant, e.task(), e.status(), e.progress(), e.narrative(), e.bottlenecks(),
					actor)) {
				if (had) {
					updated++;
				}
				else {
					created++;
				}
			}
			else {
				unchanged++;
			}
		}
		audit.updated(tenant.id(), "statusronde", String.valueOf(roundId), round.name(), List.of(FieldChange
			.added("statusimport", "%d nieuw, %d gewijzigd, %d ongewijzigd".formatted(created, updated, unchanged))));
		return new ImportSummary(file.rows().size(), created, updated, unchanged, 0, 0);
	}

}
