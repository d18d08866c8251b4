package be.obmi.stats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import be.obmi.shared.tabular.ImportRejectedException;
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

	TenantFigures(ObservationImporter importer) {
		this.importer = importer;
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

}
