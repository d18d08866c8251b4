package be.obmi.stats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.domain.Catalogue;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.tenancy.Tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Lets another module store one figure of a tenant as an observation of the tenant's own
 * statistics (the privacy module's maturity index per year), through the ordinary import
 * of the long format ({@code indicator;gebied;periode;waarde}): the value lands on the
 * municipality's area for the year, the history and undo of imports apply, and an unknown
 * indicator code is created as a draft indicator that the city completes and publishes in
 * its catalogue before it shows next to its other figures.
 */
@Service
public class TenantFigures {

	private static final Logger log = LoggerFactory.getLogger(TenantFigures.class);

	private final ObservationImporter importer;

	private final Catalogue catalogue;

	private final Indicators indicators;

	TenantFigures(ObservationImporter importer, Catalogue catalogue, Indicators indicators) {
		this.importer = importer;
		this.catalogue = catalogue;
		this.indicators = indicators;
	}

	/**
	 * Stores the value of {@code indicatorCode} for the tenant's municipality and the
	 * year. Runs in a transaction of its own: call it after the caller's change is
	 * committed.
	 * @return false when it could not be stored (a tenant without a municipality, a code
	 * the import refuses); never throws for that
	 */
	public boolean publish(Tenant tenant, String indicatorCode, int year, double value, String actor) {
		String nis = tenant.statisticsNisCode();
		if (nis == null) {
			return false;
		}
		String csv = "indicator;gebied;periode;waarde\n%s;%s;%d;%s\n".formatted(indicatorCode, nis, year,
				BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ','));
		try {
			importer.importFile(new Scope(tenant.id(), tenant.slug(), nis), indicatorCode + "-" + year + ".csv",
					csv.getBytes(StandardCharsets.UTF_8), true, actor);
			return true;
		}
		catch (ImportRejectedException ex) {
			log.warn("Figure {} {} of {} not stored: {}", indicatorCode, year, tenant.slug(), ex.getMessage());
			return false;
		}
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
	 * {@code breakdownColumn}. Runs in a transaction of its own: call it after the
	 * caller's change is committed.
	 * @return false when they could not be stored (a tenant without a municipality, a
	 * file the import refuses); never throws for that
	 */
	public boolean publish(Tenant tenant, int year, String breakdownColumn, List<Figure> figures, String fileName,
			String actor) {
		String nis = tenant.statisticsNisCode();
		if (nis == null || figures.isEmpty()) {
			return false;
		}
		StringBuilder csv = new StringBuilder("indicator;gebied;periode;waarde;" + breakdownColumn + "\n");
		for (Figure f : figures) {
			csv.append("%s;%s;%d;%s;%s\n".formatted(f.indicatorCode(), nis, year,
					BigDecimal.valueOf(f.value()).stripTrailingZeros().toPlainString().replace('.', ','),
					f.breakdown() == null ? "" : f.breakdown()));
		}
		try {
			importer.importFile(new Scope(tenant.id(), tenant.slug(), nis), fileName,
					csv.toString().getBytes(StandardCharsets.UTF_8), true, actor);
			return true;
		}
		catch (ImportRejectedException ex) {
			log.warn("Figures {} of {} not stored: {}", fileName, tenant.slug(), ex.getMessage());
			return false;
		}
	}

	/**
	 * Whether the tenant's own catalogue has an indicator with that code (draft or
	 * published).
	 */
	public boolean declared(Tenant tenant, String indicatorCode) {
		Scope scope = new Scope(tenant.id(), tenant.slug(), tenant.statisticsNisCode());
		return indicators.find(scope, indicatorCode).filter(i -> tenant.id() == nonNull(i.tenantId())).isPresent();
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
			catalogue.importFile(new Scope(tenant.id(), tenant.slug(), nis), catalogueFile);
			return true;
		}
		catch (ImportRejectedException ex) {
			log.warn("Indicators of {} not declared: {}", tenant.slug(), ex.getMessage());
			return false;
		}
	}

	private static long nonNull(Long id) {
		return id == null ? -1 : id;
	}

}
