package be.obmi.stats;

import java.util.List;
import java.util.Optional;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets another module import a statistics file in the long format
 * ({@code docs/formats/stats-import.md}) into a tenant's own statistics through the
 * ordinary import (history, audit, undo on the data team's page), try one without keeping
 * it, undo one, find the municipality an area lies in, and look an indicator of the
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

	private final ImportHistory history;

	private final Areas areas;

	private final Indicators indicators;

	private final TransactionTemplate separate;

	StatisticsImports(ObservationImporter importer, ImportHistory history, Areas areas, Indicators indicators,
			PlatformTransactionManager transactions) {
		this.importer = importer;
		this.history = history;
		this.areas = areas;
		this.indicators = indicators;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Imports a long-format file into the tenant's statistics in a transaction of its own
	 * (committed when this returns); unknown indicator codes become draft indicators of
	 * the tenant.
	 * @throws be.obmi.shared.tabular.ImportRejectedException with every error; nothing is
	 * stored then
	 */
	public Imported importFile(Tenant tenant, String fileName, byte[] file, String actor) {
		return separate
			.execute(status -> imported(importer.importFile(StatsAccess.of(tenant), fileName, file, true, actor)));
	}

	/**
	 * Runs the import of the file for the tenant and rolls it back: the same checks and
	 * the same refusal as {@link #importFile}, nothing kept.
	 * @throws be.obmi.shared.tabular.ImportRejectedException with every error
	 */
	public Imported tryFile(Tenant tenant, String fileName, byte[] file, String actor) {
		return separate.execute(status -> {
			status.setRollbackOnly();
			return imported(importer.importFile(StatsAccess.of(tenant), fileName, file, true, actor));
		});
	}

	/**
	 * Undoes an import of the tenant, in a transaction of its own.
	 * @throws be.obmi.shared.RefusedStateException when it was undone already or a later
	 * import changed the same values
	 */
	public void undo(Tenant tenant, long importId, String actor) {
		separate.executeWithoutResult(status -> history.undo(StatsAccess.of(tenant), importId, actor));
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
