package be.obmi.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets another module import a statistics file in the long format
 * ({@code docs/formats/stats-import.md}) into a tenant's own statistics through the
 * ordinary import (history, audit, undo on the data team's page), several tenants' files
 * all or nothing, find the municipality an area lies in, and look an indicator of the
 * catalogue up by code. Used by {@code datasources} (a delivered file of a joint data
 * request, split per joined city; the indicators a source feeds). The caller checks who
 * may do it.
 */
@Service
public class StatisticsImports {

	/** What one import stored. */
	public record Imported(long importId, long rows, long inserted, long updated, long unchanged,
			List<String> createdIndicators) {
	}

	/**
	 * An indicator of the catalogue as a tenant (or the platform) sees it.
	 *
	 * @param shared an indicator of the platform's catalogue, not the tenant's own
	 */
	public record IndicatorName(String code, String name, String nameEn, boolean shared, boolean published) {
	}

	private final ObservationImporter importer;

	private final Areas areas;

	private final Indicators indicators;

	private final TransactionTemplate separate;

	private final TransactionTemplate savepoint;

	StatisticsImports(ObservationImporter importer, Areas areas, Indicators indicators,
			PlatformTransactionManager transactions) {
		this.importer = importer;
		this.areas = areas;
		this.indicators = indicators;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A long-format file to import into one tenant's statistics. */
	public record Part(Tenant tenant, String fileName, byte[] file) {
	}

	/**
	 * Some parts of {@link #importAll} were refused; none was stored.
	 */
	public static final class PartsRejectedException extends RuntimeException {

		private final Map<Integer, ImportRejectedException> byPart;

		PartsRejectedException(Map<Integer, ImportRejectedException> byPart) {
			super("refused parts " + byPart.keySet(), null, false, false);
			this.byPart = byPart;
		}

		/** The refusal of each refused part, by its position in the list. */
		public Map<Integer, ImportRejectedException> byPart() {
			return byPart;
		}

	}

	/**
	 * Imports each part into its tenant's statistics through the ordinary import
	 * (history, audit, undo per tenant), all in one transaction of its own (committed
	 * when this returns): every part is stored, or none. Unknown indicator codes become
	 * draft indicators of the tenant. Parts are imported in the order given (callers
	 * order them by tenant, so two calls take the tenants' import locks in the same
	 * order).
	 * @throws PartsRejectedException with every refused part's errors; nothing is stored
	 */
	public List<Imported> importAll(List<Part> parts, String actor) {
		return separate.execute(status -> {
			List<Imported> imported = new ArrayList<>();
			Map<Integer, ImportRejectedException> refused = new LinkedHashMap<>();
			for (int i = 0; i < parts.size(); i++) {
				Part part = parts.get(i);
				try {
					// a savepoint per part: a refused part leaves the others' work in
					// place,
					// so every part's errors are known before the whole is rolled back
					imported.add(part(part, actor));
				}
				catch (ImportRejectedException ex) {
					refused.put(i, ex);
				}
			}
			if (!refused.isEmpty()) {
				status.setRollbackOnly();
				throw new PartsRejectedException(refused);
			}
			return imported;
		});
	}

	private Imported part(Part part, String actor) {
		return savepoint.execute(status -> imported(
				importer.importFile(StatsAccess.of(part.tenant()), part.fileName(), part.file(), true, actor)));
	}

	/**
	 * The NIS code of the municipality an area lies in (the area's own for a
	 * {@code gemeente}); the level as the import reads it ({@code statsec},
	 * {@code sector}, {@code wijk}, {@code ggw7}, ...; blank: every level). Empty for an
	 * unknown area and for one above a municipality (a province, a region).
	 */
	public Optional<String> municipalityOf(String level, String code) {
		for (Area a = area(level, code).orElse(null); a != null; a = areas.parent(a).orElse(null)) {
			if (Level.GEMEENTE.code().equals(a.level())) {
				return Optional.of(a.code());
			}
		}
		return Optional.empty();
	}

	/** Whether the reference has the area (as the import reads level and code). */
	public boolean known(String level, String code) {
		return area(level, code).isPresent();
	}

	private Optional<Area> area(String level, String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		if (level == null || level.isBlank()) {
			return areas.findAnyLevel(code.strip());
		}
		return Level.parse(level).flatMap(l -> areas.find(l.code(), code.strip()));
	}

	/**
	 * The indicator with that code as the tenant sees it (its own first, then the
	 * platform's); {@code tenant} null: the platform's catalogue only.
	 */
	public Optional<IndicatorName> indicator(Tenant tenant, String code) {
		Scope scope = tenant == null ? Scope.platform() : StatsAccess.of(tenant);
		return indicators.find(scope, code).map(StatisticsImports::name);
	}

	private static IndicatorName name(Indicator indicator) {
		return new IndicatorName(indicator.code(), indicator.name(), indicator.nameEn(), indicator.tenantId() == null,
				indicator.published());
	}

	private static Imported imported(ObservationImporter.Summary summary) {
		return new Imported(summary.importId() == null ? 0 : summary.importId(), summary.rows(), summary.inserted(),
				summary.updated(), summary.unchanged(), summary.createdIndicators());
	}

}
