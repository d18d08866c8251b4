package be.obmi.stats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Catalogue;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.IndicatorDescription;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.query.StatsQueries;
import be.obmi.tenancy.Tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets another module store figures of a tenant as observations of the tenant's own
 * statistics (the privacy module's maturity index per year, PIRK's vacancy per sector and
 * wijk per half-year), through the ordinary import of the long format
 * ({@code indicator;niveau;gebied;periode;waarde}): the history and undo of imports
 * apply, and an unknown indicator code is created as a draft indicator. A module that
 * describes its indicator ({@link Definition}) has it described and published when it is
 * created; the city may change or unpublish it afterwards. What the public may see of
 * such an indicator is read back with the statistics' disclosure control
 * ({@link #publicCells}).
 */
@Service
public class TenantFigures {

	private static final Logger log = LoggerFactory.getLogger(TenantFigures.class);

	/**
	 * How a module describes its indicator.
	 *
	 * @param additive a count that adds up from sector to wijk, gemeente and beyond (sum,
	 * with disclosure control by {@code threshold}); else a value shown only where it is
	 * stored (an average)
	 * @param threshold values above 0 and below it are hidden from the public (sums)
	 */
	public record Definition(String code, String name, String nameEn, String theme, String themeEn, String definition,
			String definitionEn, String unit, String unitEn, String source, boolean additive, int threshold,
			int decimals) {
	}

	/**
	 * One value of an area ({@code level} as the areas name it: {@code statsec},
	 * {@code wijk}, {@code gemeente}) for a period ({@code 2025S1}).
	 */
	public record Value(String level, String areaCode, String period, double value) {
	}

	/**
	 * One area's value as the public sees it: null and {@code suppressed} when hidden.
	 */
	public record PublicCell(String areaCode, String areaName, Double value, boolean suppressed) {
	}

	private final ObservationImporter importer;

	private final Catalogue catalogue;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final Areas areas;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	TenantFigures(ObservationImporter importer, Catalogue catalogue, Indicators indicators, StatsQueries queries,
			Areas areas, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.importer = importer;
		this.catalogue = catalogue;
		this.indicators = indicators;
		this.queries = queries;
		this.areas = areas;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the value of {@code indicatorCode} for the tenant's municipality and the
	 * year. Runs in a transaction of its own: call it after the caller's change is
	 * committed.
	 * @return false when it could not be stored (a tenant without a municipality, a code
	 * the import refuses); never throws for that
	 */
	public boolean publish(Tenant tenant, String indicatorCode, int year, double value, String actor) {
		return publish(tenant, year, null, List.of(new Figure(indicatorCode, null, value)),
				indicatorCode + "-" + year + ".csv", actor);
	}

	/**
	 * Stores the values of one indicator of the tenant in one import (in a transaction of
	 * its own: call it after the caller's change is committed). When the indicator is new
	 * it is described by {@code definition} and published; an existing one keeps what the
	 * city made of it. The same values again change nothing.
	 * @return false when nothing could be stored (a tenant without a municipality, values
	 * the import refuses); never throws for that
	 */
	public boolean publish(Tenant tenant, Definition definition, List<Value> values, String actor) {
		String nis = tenant.statisticsNisCode();
		if (nis == null || values.isEmpty()) {
			return false;
		}
		StringBuilder csv = new StringBuilder("indicator;niveau;gebied;periode;waarde\n");
		for (Value v : values) {
			csv.append(definition.code())
				.append(';')
				.append(v.level())
				.append(';')
				.append(v.areaCode())
				.append(';')
				.append(v.period())
				.append(';')
				.append(number(v.value()))
				.append('\n');
		}
		return store(tenant, definition.code() + ".csv", csv, actor, summary -> {
			if (summary.createdIndicators().contains(definition.code())) {
				describe(StatsAccess.of(tenant), definition);
			}
		});
	}

	/**
	 * Imports the long-format {@code csv} into the tenant's statistics in a transaction
	 * of its own, then {@code after} with the import's summary in the same transaction.
	 * @return false (logged) when the import refused the file
	 */
	private boolean store(Tenant tenant, String fileName, CharSequence csv, String actor,
			Consumer<ObservationImporter.Summary> after) {
		try {
			transaction.executeWithoutResult(status -> after.accept(importer.importFile(StatsAccess.of(tenant),
					fileName, csv.toString().getBytes(StandardCharsets.UTF_8), true, actor)));
			return true;
		}
		catch (ImportRejectedException ex) {
			log.warn("Figures {} of {} not stored: {}", fileName, tenant.slug(), ex.getMessage());
			return false;
		}
	}

	private void describe(Scope scope, Definition d) {
		Indicator created = indicators.own(scope, d.code());
		indicators.describe(scope, d.code(), created.version(),
				new IndicatorDescription(d.name(), d.nameEn(), d.theme(), d.themeEn(), d.definition(), d.definitionEn(),
						d.unit(), d.unitEn(), d.source(), d.threshold(), d.decimals()));
		if (!d.additive()) {
			jdbc.sql("update stats.indicator set aggregation = 'none' where id = ?").param(created.id()).update();
		}
		indicators.setPublished(scope, d.code(), true);
	}

	/** The periods with values of the tenant's published indicator, oldest first. */
	public List<String> periods(Tenant tenant, String indicatorCode) {
		Scope scope = StatsAccess.of(tenant);
		return published(scope, indicatorCode).map(i -> queries.periods(scope, i)).orElse(List.of());
	}

	/**
	 * The values of the tenant's published indicator for every area of a level in the
	 * municipality and a period, as the public sees them: cells that disclosure control
	 * hides (primary and secondary suppression over everything published) are
	 * {@code suppressed} without a value. Empty for an unpublished or unknown indicator.
	 */
	public List<PublicCell> publicCells(Tenant tenant, String indicatorCode, String level, String period) {
		Scope scope = StatsAccess.of(tenant);
		Optional<Indicator> indicator = published(scope, indicatorCode);
		Optional<Area> municipality = tenant.statisticsNisCode() == null ? Optional.empty()
				: areas.find("gemeente", tenant.statisticsNisCode());
		if (indicator.isEmpty() || municipality.isEmpty()) {
			return List.of();
		}
		Area within = "gemeente".equals(level) ? null : municipality.get();
		return queries.cells(scope, indicator.get(), level, period, within, false)
			.stream()
			.filter(c -> !"gemeente".equals(level) || c.area().id() == municipality.get().id())
			.map(c -> new PublicCell(c.area().code(), c.area().name(), "ok".equals(c.status()) ? c.value() : null,
					"suppressed".equals(c.status())))
			.toList();
	}

	private Optional<Indicator> published(Scope scope, String code) {
		return indicators.find(scope, code).filter(i -> i.published() && i.tenantId() != null);
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
	}

	/**
	 * A value of one indicator for the tenant's municipality, optionally for one value of
	 * a breakdown (a process).
	 *
	 * @param breakdown the breakdown's value; null or blank for the total
	 */
	public record Figure(String indicatorCode, String breakdown, double value) {
	}

	/**
	 * Stores several figures of the tenant's municipality for the year in one import (one
	 * entry in the history, undone as a whole), the breakdown in the column
	 * {@code breakdownColumn} (null: no breakdown). Runs in a transaction of its own:
	 * call it after the caller's change is committed.
	 * @return false when they could not be stored (a tenant without a municipality, a
	 * file the import refuses); never throws for that
	 */
	public boolean publish(Tenant tenant, int year, String breakdownColumn, List<Figure> figures, String fileName,
			String actor) {
		String nis = tenant.statisticsNisCode();
		if (nis == null || figures.isEmpty()) {
			return false;
		}
		StringBuilder csv = new StringBuilder("indicator;gebied;periode;waarde")
			.append(breakdownColumn == null ? "" : ";" + breakdownColumn)
			.append('\n');
		for (Figure f : figures) {
			csv.append("%s;%s;%d;%s".formatted(f.indicatorCode(), nis, year, number(f.value())))
				.append(breakdownColumn == null ? "" : ";" + (f.breakdown() == null ? "" : f.breakdown()))
				.append('\n');
		}
		return store(tenant, fileName, csv, actor, summary -> {
		});
	}

	/**
	 * Whether the tenant's own catalogue has an indicator with that code (draft or
	 * published).
	 */
	public boolean declared(Tenant tenant, String indicatorCode) {
		return indicators.find(StatsAccess.of(tenant), indicatorCode)
			.filter(i -> Long.valueOf(tenant.id()).equals(i.tenantId()))
			.isPresent();
	}

	/**
	 * Adds indicators to the tenant's own catalogue through the catalogue import
	 * (docs/formats/stats-catalogue.md: names, unit, aggregation, threshold, published);
	 * the caller passes only codes not {@link #declared} yet, so what the city made of an
	 * indicator since stays. Runs in a transaction of its own.
	 * @return false when the tenant has no municipality or the import refused the file
	 */
	public boolean declare(Tenant tenant, byte[] catalogueFile) {
		String nis = tenant.statisticsNisCode();
		if (nis == null) {
			return false;
		}
		try {
			catalogue.importFile(StatsAccess.of(tenant), catalogueFile);
			return true;
		}
		catch (ImportRejectedException ex) {
			log.warn("Indicators of {} not declared: {}", tenant.slug(), ex.getMessage());
			return false;
		}
	}

}
