package be.obmi.stats.importing;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports projections (issue 21; format in docs/formats/stats-projections.md): rows
 * {@code indicator;gebied;niveau;jaar;waarde;scenario;basisjaar}, all or nothing with the
 * row, column and reason of every refused cell. A file replaces, per indicator, scenario
 * and base year it contains, the scope's earlier projection of it (a new SVR edition is a
 * new base year beside the old one). Projections are stored apart from observations
 * ({@code stats.projection}): never summed into, compared as or suppressed as observed
 * figures. {@code demo} marks fictitious projections, which the site labels.
 */
@Service
public class ProjectionImport {

	static final List<String> COLUMNS = List.of("indicator", "gebied", "jaar", "waarde", "scenario", "basisjaar");

	/** What an import wrote. */
	public record Result(long importId, int rows, List<String> series) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final ScopeLock lock;

	ProjectionImport(JdbcClient jdbc, Areas areas, Indicators indicators, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.indicators = indicators;
		this.audit = audit;
		this.lock = lock;
	}

	private record Line(long indicatorId, long areaId, String year, double value, String scenario, int baseYear) {
	}

	@Transactional
	public Result importFile(Scope scope, String filename, byte[] file, String actor, boolean demo) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Table table = TableReader.read(file, COLUMNS);
		List<ImportError> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Optional<Indicator>> known = new HashMap<>();
		for (Table.Row row : table.rows()) {
			if (row.isBlank()) {
				continue;
			}
			int before = errors.size();
			String code = row.get("indicator");
			Optional<Indicator> indicator = known.computeIfAbsent(code, c -> indicators.find(scope, c));
			if (indicator.isEmpty()) {
				errors.add(new ImportError(row.number(), "indicator", "import.stats.projectionIndicatorUnknown", code));
			}
			Optional<Area> area = area(row.get("gebied"), row.get("niveau"));
			if (area.isEmpty()) {
				errors.add(new ImportError(row.number(), "gebied", "import.stats.areaUnknown", row.get("gebied")));
			}
			String year = row.get("jaar");
			if (!year.matches("[0-9]{4}")) {
				errors.add(new ImportError(row.number(), "jaar", "import.stats.projectionYearInvalid", year));
			}
			Double value = BelgianNumber.parseDouble(row.get("waarde"));
			if (value == null) {
				errors.add(new ImportError(row.number(), "waarde", "import.stats.projectionValueInvalid",
						row.get("waarde")));
			}
			String scenario = row.get("scenario");
			if (scenario.isEmpty() || scenario.length() > 60) {
				errors.add(new ImportError(row.number(), "scenario", "import.stats.projectionScenarioInvalid"));
			}
			String base = row.get("basisjaar");
			if (!base.matches("[0-9]{4}")) {
				errors.add(new ImportError(row.number(), "basisjaar", "import.stats.projectionYearInvalid", base));
			}
			if (errors.size() > before) {
				continue;
			}
			String key = code + "|" + area.get().id() + "|" + year + "|" + scenario + "|" + base;
			Integer first = seen.putIfAbsent(key, row.number());
			if (first != null) {
				errors.add(new ImportError(row.number(), "", "import.stats.projectionTwice", first));
				continue;
			}
			lines.add(new Line(indicator.get().id(), area.get().id(), year, value, scenario, Integer.parseInt(base)));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (lines.isEmpty()) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "import.stats.projectionEmpty")));
		}
		long id = jdbc.sql("""
				insert into stats.projection_import (tenant_id, filename, actor, row_count, demo) values (?, ?, ?, ?, ?)
				returning id""")
			.params(scope.tenantId(), filename, actor, lines.size(), demo)
			.query(Long.class)
			.single();
		Set<String> series = new LinkedHashSet<>();
		for (Line line : lines) {
			if (series.add(line.indicatorId() + "|" + line.scenario() + "|" + line.baseYear())) {
				jdbc.sql(
						"""
								delete from stats.projection where coalesce(tenant_id, 0) = ? and indicator_id = ? and scenario = ?
								and base_year = ?""")
					.params(scope.key(), line.indicatorId(), line.scenario(), line.baseYear())
					.update();
			}
		}
		// one statement for the whole file (a projection file of every municipality has
		// tens of thousands of rows)
		jdbc.sql(
				"""
						insert into stats.projection (tenant_id, indicator_id, area_id, period, scenario, base_year, value, import_id)
						select ?, * , ? from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as varchar[]),
						  cast(? as varchar[]), cast(? as integer[]), cast(? as double precision[]))""")
			.params(scope.tenantId(), id, lines.stream().map(Line::indicatorId).toArray(Long[]::new),
					lines.stream().map(Line::areaId).toArray(Long[]::new),
					lines.stream().map(Line::year).toArray(String[]::new),
					lines.stream().map(Line::scenario).toArray(String[]::new),
					lines.stream().map(Line::baseYear).toArray(Integer[]::new),
					lines.stream().map(Line::value).toArray(Double[]::new))
			.update();
		audit.created(scope.tenantId(), "projectie", String.valueOf(id), filename,
				List.of(new FieldChange("rijen", null, String.valueOf(lines.size()))));
		return new Result(id, lines.size(), List.copyOf(series));
	}

	private Optional<Area> area(String code, String level) {
		if (level.isEmpty()) {
			return areas.findAnyLevel(code);
		}
		return Level.parse(level).flatMap(l -> areas.find(l.code(), code));
	}

}
