package be.obmi.stats.importing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import be.obmi.shared.PostgresCopy;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;

/**
 * The fast path of an observation import (issue 20): when none of the file's indicators
 * holds a value in the scope yet (the usual first load of new indicators, and the
 * benchmark's ten million rows), the rows go with COPY straight into
 * {@code stats.observation}, in the file's order, with the import's batch id: no
 * temporary table, no sort, no change detection, since nothing can be replaced.
 * <p>
 * Each indicator is resolved when its code is first seen (a COPY is ended for that, as
 * one connection runs one statement at a time). Whatever this path cannot decide exactly
 * as the classic path would, it leaves to that path by throwing {@link NotFresh}: an
 * indicator that already holds values in the scope, a survey value with a sample size
 * (its margin is computed in SQL), the same key twice in the file (the unique index
 * refuses it), any error in the file, and any difference between the totals of levels.
 * The importer then rolls back to the savepoint taken before and imports the file again
 * the classic way, so errors, warnings, counts and history are the same as without this
 * path.
 */
final class FreshLoad implements Consumer<ObservationImporter.Value> {

	/** This import cannot take the fast path; the classic one decides. */
	static final class NotFresh extends RuntimeException {

		NotFresh(String reason) {
			super(reason, null, false, false);
		}

	}

	private final Scope scope;

	private final long importId;

	private final boolean createIndicators;

	private final Indicators indicators;

	private final ObservationStore store;

	private final Map<String, Indicator> byCode = new HashMap<>();

	private final List<String> created = new ArrayList<>();

	private PostgresCopy.Stream copy;

	private long rows;

	FreshLoad(Scope scope, long importId, boolean createIndicators, Indicators indicators, ObservationStore store) {
		this.scope = scope;
		this.importId = importId;
		this.createIndicators = createIndicators;
		this.indicators = indicators;
		this.store = store;
	}

	@Override
	public void accept(ObservationImporter.Value v) {
		Indicator indicator = byCode.get(v.indicatorCode());
		if (indicator == null) {
			end();
			indicator = resolve(v.indicatorCode());
			byCode.put(v.indicatorCode(), indicator);
		}
		if (v.n() != null && "survey".equals(indicator.kind())) {
			throw new NotFresh("survey sample size");
		}
		if (copy == null) {
			copy = store.observationCopy();
		}
		try {
			ObservationStore.add(copy, scope.tenantId(), indicator.id(), importId, v);
		}
		catch (IllegalStateException ex) {
			throw translate(ex);
		}
	}

	private Indicator resolve(String code) {
		Optional<Indicator> found = indicators.find(scope, code);
		if (found.isPresent()) {
			if (!scope.isPlatform() && found.get().tenantId() == null && !found.get().published()) {
				throw new NotFresh("platform draft");
			}
			if (store.holdsValues(scope, found.get().id())) {
				throw new NotFresh("indicator holds values");
			}
			return found.get();
		}
		if (!createIndicators || !code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$") || code.length() > 80) {
			throw new NotFresh("unknown indicator");
		}
		created.add(code);
		return indicators.createDraft(scope, code);
	}

	/** Ends the current COPY, if any. */
	private void end() {
		if (copy != null) {
			PostgresCopy.Stream ending = copy;
			copy = null;
			try {
				rows += ending.end();
			}
			catch (IllegalStateException ex) {
				throw translate(ex);
			}
		}
	}

	/** Ends the last COPY; the number of rows written. */
	long finish() {
		end();
		return rows;
	}

	void cancel() {
		if (copy != null) {
			copy.cancel();
			copy = null;
		}
	}

	Map<String, Indicator> indicators() {
		return byCode;
	}

	List<String> created() {
		return created;
	}

	/** The same key twice in the file: the classic path names both rows. */
	private static RuntimeException translate(IllegalStateException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return new NotFresh("duplicate key");
			}
		}
		return ex;
	}

}
