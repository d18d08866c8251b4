package be.obmi.buildings.gap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.buildings.ProcessRecord;
import be.obmi.buildings.ProcessRecordSource;
import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register-gap indicator: of a city's building-related process records (its imported
 * lists and any {@link ProcessRecordSource}), the share linked to a building unit, only
 * to an address, or to neither, per process and in total; published in the city's Stad in
 * cijfers as three indicators with a breakdown by process ({@link #INDICATORS}).
 * Disclosure: a share of fewer than {@link #MIN_RECORDS} records is not published.
 */
@Service
public class RegisterGap {

	/** The indicators' codes: building unit, address only, unlinked (in %). */
	public static final List<String> INDICATORS = List.of("schillenboek-gebouweenheid", "schillenboek-enkel-adres",
			"schillenboek-ongekoppeld");

	/** The breakdown column of the published figures. */
	public static final String BREAKDOWN = "proces";

	/** The indicators' descriptions in the statistics' catalogue format. */
	static final String CATALOGUE = "buildings/register-gap-catalogue.csv";

	/** The fewest records whose shares are published. */
	public static final int MIN_RECORDS = 10;

	/** The lines of {@link #CATALOGUE}, the header first; read once. */
	private static final List<String> CATALOGUE_LINES = catalogueLines();

	private final ProcessRecordImport imports;

	private final ObjectProvider<ProcessRecordSource> sources;

	private final TenantFigures figures;

	RegisterGap(ProcessRecordImport imports, ObjectProvider<ProcessRecordSource> sources, TenantFigures figures) {
		this.imports = imports;
		this.sources = sources;
		this.figures = figures;
	}

	/** The city's current records from every source. */
	@Transactional(readOnly = true)
	public List<ProcessRecord> records(Tenant city) {
		List<ProcessRecord> all = new ArrayList<>(imports.current(city));
		sources.orderedStream().forEach(s -> all.addAll(s.records(city)));
		return all;
	}

	/** The total line first (process null), then one line per process with records. */
	@Transactional(readOnly = true)
	public List<GapLine> lines(Tenant city) {
		return lines(records(city));
	}

	static List<GapLine> lines(List<ProcessRecord> records) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		int[] total = new int[4];
		records.stream().sorted((a, b) -> a.processCode().compareTo(b.processCode())).forEach(r -> {
			int[] c = counts.computeIfAbsent(r.processCode(), p -> new int[4]);
			int slot = switch (r.link()) {
				case BUILDING_UNIT -> 1;
				case ADDRESS_ONLY -> 2;
				case UNLINKED -> 3;
			};
			c[0]++;
			c[slot]++;
			total[0]++;
			total[slot]++;
		});
		List<GapLine> lines = new ArrayList<>();
		lines.add(new GapLine(null, total[0], total[1], total[2], total[3]));
		counts.forEach((p, c) -> lines.add(new GapLine(p, c[0], c[1], c[2], c[3])));
		return lines;
	}

	/**
	 * Publishes the city's shares for this year in its Stad in cijfers (one statistics
	 * import); call it after the records' change is committed.
	 * @return whether anything was published
	 */
	public boolean publish(Tenant city, String actor) {
		return publish(city, actor, false);
	}

	/**
	 * As {@link #publish(Tenant, String)}; {@code demo} marks indicators it adds to the
	 * city's catalogue as demo data.
	 */
	public boolean publish(Tenant city, String actor, boolean demo) {
		List<TenantFigures.Figure> list = new ArrayList<>();
		for (GapLine line : lines(city)) {
			if (!line.publishable()) {
				continue;
			}
			String breakdown = line.processCode();
			list.add(new TenantFigures.Figure(INDICATORS.get(0), breakdown, line.buildingUnitShare()));
			list.add(new TenantFigures.Figure(INDICATORS.get(1), breakdown, line.addressOnlyShare()));
			list.add(new TenantFigures.Figure(INDICATORS.get(2), breakdown, line.unlinkedShare()));
		}
		if (list.isEmpty()) {
			return false;
		}
		declareIndicators(city, demo);
		int year = LocalDate.now().getYear();
		return figures.publish(city, year, BREAKDOWN, list, "schillenboek-registerkloof-" + year + ".csv", actor);
	}

	/**
	 * Adds the indicators the city's catalogue lacks, described and published
	 * ({@code buildings/register-gap-catalogue.csv}, the statistics' catalogue format).
	 */
	private void declareIndicators(Tenant city, boolean demo) {
		List<String> lines = CATALOGUE_LINES;
		StringBuilder file = new StringBuilder(lines.getFirst()).append('\n');
		boolean missing = false;
		for (String line : lines.subList(1, lines.size())) {
			String code = line.substring(0, line.indexOf(';'));
			if (!figures.declared(city, code)) {
				file.append(demo ? line.replace(";0;ja;nee;", ";0;ja;ja;") : line).append('\n');
				missing = true;
			}
		}
		if (missing) {
			figures.declare(city, file.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static List<String> catalogueLines() {
		try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
