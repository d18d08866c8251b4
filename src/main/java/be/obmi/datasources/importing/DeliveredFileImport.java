package be.obmi.datasources.importing;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.stats.StatisticsImports;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Service;

/**
 * Imports the file a supplier delivered for a joint data request as statistics of every
 * city that joined: one upload in the long format ({@code docs/formats/stats-import.md}),
 * split per city by the municipality each row's area ({@code gebied}, {@code niveau})
 * lies in, and imported through the statistics' import for each city. All or nothing
 * across the cities: the parts are imported in one transaction
 * ({@link StatisticsImports#importAll}), and any error in any part refuses the whole file
 * with the rows of the uploaded file, nothing stored in any city. Rows of cities that did
 * not join (and of areas above a municipality) are left out and counted. Each city's
 * import is an ordinary import in its history, undoable there.
 */
@Service
public class DeliveredFileImport {

	/** What the import did for one city. */
	public record CityResult(String slug, String name, int rows, long importId, long inserted, long updated,
			long unchanged) implements Serializable {
	}

	/** What the import did: per city, and how many rows were left out. */
	public record Result(List<CityResult> cities, int leftOut) implements Serializable {

		public Result {
			cities = List.copyOf(cities);
		}

	}

	/** One city's part of the file: its rows and their numbers in the uploaded file. */
	private record Part(Tenant tenant, StringBuilder csv, List<Integer> rows) {
	}

	private final DataRequests requests;

	private final StatisticsImports statistics;

	private final Tenants tenants;

	DeliveredFileImport(DataRequests requests, StatisticsImports statistics, Tenants tenants) {
		this.requests = requests;
		this.statistics = statistics;
		this.tenants = tenants;
	}

	/**
	 * @throws ImportRejectedException with every error (rows of the uploaded file), the
	 * city named; nothing is stored then
	 * @throws be.obmi.shared.RefusedStateException when the request is not delivered or
	 * was imported already
	 * @throws be.obmi.shared.ConcurrentChangeException when its import is running already
	 */
	public Result importFile(long requestId, String fileName, byte[] file, String actor) {
		DataRequest request = requests.claimImport(requestId);
		List<DataRequests.CityImport> done = new ArrayList<>();
		try {
			Result result = importParts(request, fileName, file, actor, done);
			requests.finishImport(requestId, done, actor);
			return result;
		}
		catch (RuntimeException ex) {
			requests.finishImport(requestId, List.of(), actor);
			throw ex;
		}
	}

	private Result importParts(DataRequest request, String fileName, byte[] file, String actor,
			List<DataRequests.CityImport> done) {
		Table table = TableReader.read(file, List.of("indicator", "gebied", "periode"));
		Map<String, Tenant> joined = new HashMap<>();
		for (DataRequests.City city : requests.cities(request.id())) {
			tenants.byId(city.tenantId())
				.filter(t -> t.statisticsNisCode() != null)
				.ifPresent(t -> joined.put(t.statisticsNisCode(), t));
		}
		Map<Long, Part> parts = new LinkedHashMap<>();
		Map<String, Optional<String>> municipalities = new HashMap<>();
		List<ImportError> errors = new ArrayList<>();
		String header = String.join(";", table.header().stream().map(DeliveredFileImport::cell).toList());
		int leftOut = 0;
		for (Table.Row row : table.rows()) {
			if (row.isBlank()) {
				continue;
			}
			String level = row.get("niveau");
			String area = row.get("gebied");
			Optional<String> municipality = municipalities.computeIfAbsent(level + "|" + area,
					key -> statistics.municipalityOf(level, area));
			if (municipality.isEmpty() && !statistics.known(level, area)) {
				errors.add(new ImportError(row.number(), "gebied", "import.datasources.unknownArea", area));
				continue;
			}
			Tenant city = municipality.map(joined::get).orElse(null);
			if (city == null) {
				leftOut++;
				continue;
			}
			Part part = parts.computeIfAbsent(city.id(),
					id -> new Part(city, new StringBuilder(header).append('\n'), new ArrayList<>()));
			part.csv()
				.append(String.join(";", row.cells().stream().map(DeliveredFileImport::cell).toList()))
				.append('\n');
			part.rows().add(row.number());
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (parts.isEmpty()) {
			throw ImportRejectedException.of("import.datasources.noJoinedRows");
		}
		List<Part> ordered = parts.values()
			.stream()
			.sorted((a, b) -> Long.compare(a.tenant().id(), b.tenant().id()))
			.toList();
		String name = "aanvraag-" + request.id() + "-" + fileName;
		List<StatisticsImports.Imported> imported;
		try {
			imported = statistics.importAll(
					ordered.stream().map(part -> new StatisticsImports.Part(part.tenant(), name, bytes(part))).toList(),
					actor);
		}
		catch (StatisticsImports.PartsRejectedException ex) {
			throw new ImportRejectedException(ex.byPart()
				.entrySet()
				.stream()
				.flatMap(refused -> inCity(ordered.get(refused.getKey()), refused.getValue()).stream())
				.toList());
		}
		List<CityResult> results = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Part part = ordered.get(i);
			StatisticsImports.Imported stored = imported.get(i);
			done.add(new DataRequests.CityImport(part.tenant().id(), stored.importId(), name, part.rows().size(), actor,
					null));
			results.add(new CityResult(part.tenant().slug(), part.tenant().name(), part.rows().size(),
					stored.importId(), stored.inserted(), stored.updated(), stored.unchanged()));
		}
		return new Result(results, leftOut);
	}

	/** The part's errors with the rows of the uploaded file and the city named. */
	private static List<ImportError> inCity(Part part, ImportRejectedException ex) {
		return ex.errors().stream().map(error -> {
			Integer row = error.row() == null || error.row() < 2 || error.row() - 2 >= part.rows().size() ? error.row()
					: part.rows().get(error.row() - 2);
			return new ImportError(row, error.column(), "import.datasources.inCity",
					List.of(part.tenant().name(), error));
		}).toList();
	}

	private static byte[] bytes(Part part) {
		return part.csv().toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A cell for a {@code ;} CSV: quoted when it holds a separator, quote or line break.
	 */
	private static String cell(String value) {
		String text = value == null ? "" : value;
		if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
