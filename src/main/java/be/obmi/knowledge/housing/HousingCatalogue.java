package be.obmi.knowledge.housing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The controlled list of local housing-policy instruments (chapters and codes), reference
 * data kept in {@code knowledge/housing-instruments.csv}
 * (docs/formats/housing-instruments.md) and written to
 * {@code knowledge.housing_instrument} at every start: new codes are added, labels
 * updated, codes no longer listed kept (for older snapshots) but hidden. It does its work
 * once per application: the demo instruments call it first (initializers within a module
 * run in no set order), later calls return at once.
 */
@Service
public class HousingCatalogue implements ApplicationModuleInitializer {

	static final String LIST = "knowledge/housing-instruments.csv";

	static final List<String> COLUMNS = List.of("hoofdstuk", "hoofdstuk_nl", "hoofdstuk_en", "code", "nl", "en");

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private boolean done;

	HousingCatalogue(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Writes the list to the table, once; later calls return at once. */
	@Override
	public synchronized void initialize() {
		if (done) {
			return;
		}
		List<HousingInstrument> listed = read(TableReader.reference(LIST));
		transaction.executeWithoutResult(status -> {
			jdbc.sql("update knowledge.housing_instrument set listed = false").update();
			int position = 0;
			for (HousingInstrument instrument : listed) {
				jdbc.sql(
						"""
								insert into knowledge.housing_instrument
								  (code, chapter, chapter_nl, chapter_en, local_code, label_nl, label_en, position, listed)
								values (?, ?, ?, ?, ?, ?, ?, ?, true)
								on conflict (code) do update set chapter = excluded.chapter, chapter_nl = excluded.chapter_nl,
								  chapter_en = excluded.chapter_en, local_code = excluded.local_code, label_nl = excluded.label_nl,
								  label_en = excluded.label_en, position = excluded.position, listed = true""")
					.params(instrument.code(), instrument.chapter(), instrument.chapterNl(), instrument.chapterEn(),
							instrument.localCode(), instrument.labelNl(), instrument.labelEn(), position++)
					.update();
			}
		});
		done = true;
	}

	/** The instruments of the list's file, in its order. */
	static List<HousingInstrument> read(Table table) {
		table.requireColumns(COLUMNS);
		return table.rows()
			.stream()
			.map(row -> new HousingInstrument(row.get("hoofdstuk") + "." + row.get("code"), row.get("hoofdstuk"),
					row.get("hoofdstuk_nl"), row.get("hoofdstuk_en"), row.get("code"), row.get("nl"), row.get("en")))
			.toList();
	}

	/** The listed instruments, in the list's order. */
	public List<HousingInstrument> instruments() {
		return jdbc.sql("""
				select code, chapter, chapter_nl, chapter_en, local_code, label_nl, label_en
				from knowledge.housing_instrument where listed order by position, code""")
			.query(HousingInstrument.class)
			.list();
	}

	/** Every instrument ever listed (for snapshots and diffs), by code. */
	public Map<String, HousingInstrument> everyInstrument() {
		Map<String, HousingInstrument> all = new LinkedHashMap<>();
		jdbc.sql("""
				select code, chapter, chapter_nl, chapter_en, local_code, label_nl, label_en
				from knowledge.housing_instrument order by listed desc, position, code""")
			.query(HousingInstrument.class)
			.list()
			.forEach(i -> all.put(i.code(), i));
		return all;
	}

	public Optional<HousingInstrument> byCode(String code) {
		return Optional.ofNullable(everyInstrument().get(code));
	}

	/** The listed instruments by chapter, in the list's order. */
	public Map<String, List<HousingInstrument>> byChapter() {
		Map<String, List<HousingInstrument>> chapters = new LinkedHashMap<>();
		instruments().forEach(i -> chapters.computeIfAbsent(i.chapter(), c -> new ArrayList<>()).add(i));
		return chapters;
	}

}
