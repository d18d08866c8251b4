package be.obmi.plan.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.UpdateState;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.StatusUpdateImport;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The content of a tenant's demo plan 2026–2031, the same for the same tenant every time:
 * 8 goals, 32 action plans and 128 actions, their indicators with targets and
 * measurements, commitments, projects, releases and three status rounds. The plan and its
 * indicators are files in the documented import formats (docs/formats), the status
 * updates one file per round; what no file format carries (contributor, wijk,
 * commitments, projects, releases, approvals) is listed for the domain services.
 * {@link DemoPlan} loads it all through the same services as the pages and the API.
 * <p>
 * Over 300 lines because most of it is the demo plan's text (goals, action plans and
 * their wording), which is data, not logic.
 */
final class DemoPlanContent {

	record Goal(String title, String field, String owner, String department, List<ActionPlan> plans) {
	}

	record ActionPlan(String title, String subject, String field) {
	}

	static final List<Goal> GOALS = List.of(
			new Goal("Een veilige en leefbare stad", "0490", "Burgemeester", "Dienst Veiligheid",
					List.of(new ActionPlan("We versterken de wijkwerking", "de wijkwerking", "0490"),
							new ActionPlan("Aanpak van overlast en sluikstort", "de aanpak van overlast", "0490"),
							new ActionPlan("Een goed verlichte en toegankelijke publieke ruimte",
									"de openbare verlichting", "0670"),
							new ActionPlan("Brandveiligheid en rampenplanning", "de noodplanning", "0410"))),
			new Goal("Duurzame en veilige mobiliteit", "0200", "Schepen van Mobiliteit", "Dienst Mobiliteit",
					List.of(new ActionPlan("Veilige schoolomgevingen", "de schoolomgevingen", "0200"),
							new ActionPlan("Een fijnmazig fietsnetwerk", "het fietsnetwerk", "0200"),
							new ActionPlan("Slim parkeren in de binnenstad", "het parkeerbeleid", "0210"),
							new ActionPlan("Vlot openbaar vervoer en deelmobiliteit", "de deelmobiliteit", "0220"))),
			new Goal("Een klimaatneutrale en groene stad", "0390", "Schepen van Klimaat", "Dienst Milieu",
					List.of(new ActionPlan("Renovatie van het woningpatrimonium", "de renovatiebegeleiding", "0390"),
							new ActionPlan("Meer groen en ontharding", "het ontharden van pleinen", "0680"),
							new ActionPlan("Hernieuwbare energie op stadsgebouwen", "de zonnepanelen op stadsgebouwen",
									"0390"),
							new ActionPlan("Minder afval, meer kringloop", "de kringloopwerking", "0300"))),
			new Goal("Wonen voor iedereen", "0629", "Schepen van Wonen", "Dienst Wonen",
					List.of(new ActionPlan("Meer betaalbare en sociale woningen", "het sociaal woonaanbod", "0629"),
							new ActionPlan("Kwaliteitsvolle huurwoningen", "de woningkwaliteitscontrole", "0629"),
							new ActionPlan("Nieuwe woonprojecten in de stadsrand", "de woonprojecten", "0610"),
							new ActionPlan("Strijd tegen leegstand", "de leegstandsheffing", "0629"))),
			new Goal("Een sterke lokale economie en werk", "0500", "Schepen van Economie", "Dienst Economie",
					List.of(new ActionPlan("Een bruisende handelskern", "de handelskern", "0500"),
							new ActionPlan("Ruimte voor ondernemers", "de bedrijventerreinen", "0590"),
							new ActionPlan("Werk voor wie het moeilijk heeft", "de sociale economie", "0550"),
							new ActionPlan("Toerisme als hefboom", "het toeristisch aanbod", "0520"))),
			new Goal("Cultuur, sport en vrije tijd voor iedereen", "0739", "Schepen van Cultuur", "Dienst Vrije Tijd",
					List.of(new ActionPlan("Cultuur in alle wijken", "het cultuuraanbod in de wijken", "0739"),
							new ActionPlan("Sportinfrastructuur van deze tijd", "de sportinfrastructuur", "0740"),
							new ActionPlan("Een warme stad voor kinderen en jongeren", "het jeugdwerk", "0750"),
							new ActionPlan("Erfgoed en evenementen", "het erfgoedbeleid", "0720"))),
			new Goal("Zorg en welzijn dichtbij", "0909", "Schepen van Welzijn", "Sociaal Huis",
					List.of(new ActionPlan("Eén welzijnsloket", "het welzijnsloket", "0909"),
							new ActionPlan("Kinderopvang met voldoende plaatsen", "de kinderopvang", "0945"),
							new ActionPlan("Zorgzame buurten voor senioren", "de zorgzame buurten", "0959"),
							new ActionPlan("Armoede voorkomen en bestrijden", "de armoedebestrijding", "0900"))),
			new Goal("Een klantgerichte en digitale stad", "0119", "Burgemeester", "Dienst Organisatieontwikkeling",
					List.of(new ActionPlan("Digitale dienstverlening", "het digitaal loket", "0130"),
							new ActionPlan("Een wendbare stadsorganisatie", "de organisatieontwikkeling", "0119"),
							new ActionPlan("Inspraak en participatie", "het participatiebeleid", "0100"),
							new ActionPlan("Gezonde stadsfinanciën", "het financieel beleid", "0020"))));

	static final List<String> ACTIONS = List.of("Opmaak van een actieplan voor %s",
			"Participatietraject met bewoners over %s", "Uitvoering van de eerste fase van %s",
			"Evaluatie en bijsturing van %s");

	static final String[] NARRATIVES = { "De werken verlopen volgens planning.",
			"Het ontwerp is klaar; de aanbesteding loopt.",
			"Eerste resultaten zijn positief, met goede respons van de bewoners.",
			"De timing schuift door een vertraagde vergunning.",
			"Het budget volstaat niet; bijsturing wordt voorbereid.",
			"Afgerond en geëvalueerd; de resultaten worden gedeeld met de gemeenteraad." };

	static final String[] BOTTLENECKS = { "Personeelstekort in de dienst.", "Vergunning laat op zich wachten.",
			"Prijsstijgingen bij de aannemer.", "Afhankelijk van Vlaamse subsidies die nog niet zijn toegekend." };

	static final String[] WIJKEN = { "Centrum", "Stationsbuurt", "Noord", "Zuid", "Oost", "West" };

	/**
	 * Context indicators of the goals, linked to Stad in cijfers by code (statistics
	 * code, name, unit).
	 */
	static final String[][] CONTEXT = { { "werkzoekenden_pct", "Werkzoekendengraad", "procent" },
			{ "bevolkingsdichtheid", "Bevolkingsdichtheid", "inwoners per km²" },
			{ "woningen_per_huishouden", "Woningen per 100 huishoudens", "woningen" },
			{ "bev_65plus_pct", "Aandeel 65-plussers", "procent" },
			{ "bev_0_17_pct", "Aandeel jongeren (0-17 jaar)", "procent" },
			{ "huishoudens", "Private huishoudens", "huishoudens" }, { "bev_totaal", "Inwoners", "inwoners" },
			{ "werkzoekenden", "Niet-werkende werkzoekenden", "personen" } };

	/** What the plan file cannot say about an item. */
	record Assignment(String code, String contributor, String wijk) {
	}

	record CommitmentLinks(String code, String title, List<String> itemCodes) {
	}

	record ProjectRow(String itemCode, String name, String description) {
	}

	record ReleaseRow(String itemCode, String title, LocalDate planned, LocalDate realised) {
	}

	/** One item's update in a round, with the workflow state it must reach. */
	record UpdateRow(String code, ItemStatus status, int progress, String narrative, String bottlenecks,
			UpdateState state) {
	}

	record Round(String name, LocalDate reference, LocalDate deadline, boolean closed, String assumptions, String risks,
			List<UpdateRow> updates) {

		/** The submitted updates of the round as a status import file. */
		byte[] statusFile() {
			List<List<String>> rows = new ArrayList<>();
			for (UpdateRow u : updates) {
				if (u.state() != UpdateState.CONCEPT) {
					rows.add(List.of(u.code(), u.status().label(), String.valueOf(u.progress()), u.narrative(),
							u.bottlenecks() == null ? "" : u.bottlenecks()));
				}
			}
			return csv(StatusUpdateImport.COLUMNS, rows);
		}

	}

	final List<List<String>> planRows = new ArrayList<>();

	final List<List<String>> indicatorRows = new ArrayList<>();

	final List<Assignment> assignments = new ArrayList<>();

	final List<CommitmentLinks> commitments = new ArrayList<>();

	final List<ProjectRow> projects = new ArrayList<>();

	final List<ReleaseRow> releases = new ArrayList<>();

	final List<Round> rounds = new ArrayList<>();

	private final Random random;

	private final String[] wijken;

	private final String contributor;

	/** The actions in plan order: code, priority, has a contributor. */
	private record Action(String code, boolean priority, boolean delegated) {
	}

	private final List<Action> actions = new ArrayList<>();

	private final List<String> actionPlans = new ArrayList<>();

	private DemoPlanContent(String slug, String[] wijken) {
		this.random = new Random(slug.hashCode());
		this.wijken = wijken;
		this.contributor = "bijdrager." + slug;
	}

	/** The demo plan of a tenant whose wijken (or generic names) are given. */
	static DemoPlanContent of(String slug, String[] wijken) {
		DemoPlanContent content = new DemoPlanContent(slug, wijken);
		content.items();
		content.indicators();
		content.releases();
		content.rounds();
		return content;
	}

	/** The plan file (docs/formats/plan-import.md). */
	byte[] planFile() {
		return csv(PlanExport.COLUMNS, planRows);
	}

	/** The indicator file (docs/formats/indicator-import.md). */
	byte[] indicatorFile() {
		List<String> columns = new ArrayList<>(IndicatorImport.COLUMNS);
		columns.add(IndicatorImport.STATS_CODE);
		return csv(columns, indicatorRows);
	}

	private void items() {
		for (int g = 0; g < GOALS.size(); g++) {
			Goal goal = GOALS.get(g);
			String bd = "ST01BD%02d".formatted(g + 1);
			item(bd, "BD", null, goal.title(),
					"Beleidsdoelstelling " + (g + 1) + " van het meerjarenplan: " + goal.title().toLowerCase() + ".",
					false, goal.field(), goal.owner(), goal.department(), LocalDate.of(2026, 1, 1),
					LocalDate.of(2031, 12, 31));
			String[] linked = CONTEXT[g % CONTEXT.length];
			indicatorRows.add(
					indicator(bd, "CI%02d".formatted(g + 1), linked[1], "context", linked[2], "geen", null, linked[0]));
			for (int a = 0; a < goal.plans().size(); a++) {
				ActionPlan ap = goal.plans().get(a);
				String apCode = bd + "AP%02d".formatted(a + 1);
				item(apCode, "AP", bd, ap.title(), null, false, ap.field(), goal.owner(), goal.department(),
						LocalDate.of(2026, 1, 1), LocalDate.of(2031, 12, 31));
				actionPlans.add(apCode);
				CommitmentLinks commitment = null;
				if (a % 2 == 0) {
					commitment = new CommitmentLinks("BA%02d.%d".formatted(g + 1, a / 2 + 1),
							"Tegen 2031: " + lowerFirst(ap.title()), new ArrayList<>(List.of(apCode)));
					commitments.add(commitment);
				}
				for (int c = 0; c < ACTIONS.size(); c++) {
					String acCode = apCode + "AC%02d".formatted(c + 1);
					boolean priority = (g + a + c) % 5 == 0;
					int startYear = 2026 + random.nextInt(3);
					boolean delegated = (g * 16 + a * 4 + c) % 6 == 1;
					String description = c == 2 ? "Concreet: " + ap.subject() + " in "
							+ wijken[random.nextInt(wijken.length)] + " en omgeving." : null;
					LocalDate start = LocalDate.of(startYear, 1 + random.nextInt(12), 1);
					LocalDate end = LocalDate.of(startYear + 1 + random.nextInt(4), 12, 31);
					String wijk = c == 2 ? wijken[random.nextInt(wijken.length)] : null;
					item(acCode, "AC", apCode, ACTIONS.get(c).formatted(ap.subject()), description, priority,
							ap.field(), goal.owner(), goal.department() + " – team " + (c + 1), start, end);
					if (delegated || wijk != null) {
						assignments.add(new Assignment(acCode, delegated ? contributor : null, wijk));
					}
					actions.add(new Action(acCode, priority, delegated));
					if (commitment != null && c < 2) {
						commitment.itemCodes().add(acCode);
					}
					if (priority) {
						projects.add(new ProjectRow(acCode, "Uitvoeringsproject " + ap.subject(),
								"Projectteam van " + goal.department() + "."));
					}
				}
			}
		}
	}

	private void item(String code, String type, String parent, String title, String description, boolean priority,
			String field, String political, String administrative, LocalDate start, LocalDate end) {
		planRows.add(List.of(code, type, parent == null ? "" : parent, title, description == null ? "" : description,
				priority ? "ja" : "nee", field, political, administrative, start.toString(), end.toString()));
	}

	private void indicators() {
		int n = 0;
		for (String apCode : actionPlans) {
			n++;
			boolean lower = n % 3 == 0;
			double baseline = 20 + random.nextInt(60);
			String code = "EI" + n;
			indicatorRows.add(indicator(apCode, code,
					lower ? "Aandeel inwoners dat overlast ervaart" : "Tevredenheid van inwoners", "effect", "%",
					lower ? "lager" : "hoger", number(baseline), null));
			for (int year = 2026; year <= 2031; year++) {
				double step = (year - 2025) * 2.5;
				indicatorRows.add(target(apCode, code, year, number(lower ? baseline - step : baseline + step)));
			}
			for (int year = 2023; year <= 2026; year++) {
				double drift = (year - 2023) * (1 + random.nextDouble() * 2);
				indicatorRows.add(measurement(apCode, code, LocalDate.of(year, 6, 30),
						number(lower ? baseline - drift : baseline + drift), "Stadsmonitor " + year));
			}
		}
		for (Action action : actions) {
			if (!action.priority()) {
				continue;
			}
			n++;
			String code = "OI" + n;
			indicatorRows.add(indicator(action.code(), code, "Aantal gerealiseerde deelprojecten", "output", "aantal",
					"hoger", "0", null));
			for (int year = 2026; year <= 2031; year++) {
				indicatorRows.add(target(action.code(), code, year, String.valueOf((year - 2025) * 2)));
			}
			indicatorRows.add(measurement(action.code(), code, LocalDate.of(2026, 6, 30),
					String.valueOf(random.nextInt(3)), "Eigen registratie"));
			indicatorRows.add(measurement(action.code(), code, LocalDate.of(2026, 9, 30),
					String.valueOf(1 + random.nextInt(3)), "Eigen registratie"));
			if (n % 4 == 0) {
				String text = "TI" + n;
				indicatorRows.add(indicator(action.code(), text, "Stappenplan", "output", "tekst", "geen", null, null));
				indicatorRows.add(target(action.code(), text, 2027, "Stap 4: uitvoering"));
				indicatorRows.add(measurement(action.code(), text, LocalDate.of(2026, 9, 30),
						"Stap 2: ontwerp goedgekeurd", "Projectteam"));
			}
		}
	}

	/**
	 * A row of the indicator file: item_code, indicator_code, naam, soort, eenheid,
	 * richting, basiswaarde, jaar, streefwaarde, meetdatum, waarde, bron, opmerking,
	 * stad_in_cijfers.
	 */
	private static List<String> indicator(String item, String code, String name, String kind, String unit,
			String direction, String baseline, String statsCode) {
		return row(item, code, name, kind, unit, direction, baseline, null, null, null, null, null, statsCode);
	}

	private static List<String> target(String item, String code, int year, String target) {
		return row(item, code, null, null, null, null, null, String.valueOf(year), target, null, null, null, null);
	}

	private static List<String> measurement(String item, String code, LocalDate date, String value, String source) {
		return row(item, code, null, null, null, null, null, null, null, date.toString(), value, source, null);
	}

	private static List<String> row(String... cells) {
		List<String> row = new ArrayList<>();
		for (String cell : cells) {
			row.add(cell == null ? "" : cell);
		}
		// opmerking (comment) stays empty; the last cell is the statistics code
		row.add(row.size() - 1, "");
		return row;
	}

	private void releases() {
		int n = 0;
		for (Action action : actions) {
			if (++n % 2 != 0) {
				continue;
			}
			LocalDate planned = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(900));
			boolean done = planned.isBefore(LocalDate.of(2026, 6, 1)) && random.nextBoolean();
			releases.add(new ReleaseRow(action.code(), n % 4 == 0 ? "Oplevering ontwerp" : "Start uitvoering", planned,
					done ? planned.plusDays(random.nextInt(30)) : null));
		}
	}

	private void rounds() {
		List<UpdateRow> first = new ArrayList<>();
		List<UpdateRow> second = new ArrayList<>();
		List<UpdateRow> open = new ArrayList<>();
		int n = 0;
		for (Action action : actions) {
			n++;
			int p1 = random.nextInt(10) == 0 ? 0 : 5 + random.nextInt(30);
			int p2 = random.nextInt(12) == 0 ? 100 : Math.min(95, p1 + 5 + random.nextInt(30));
			first.add(update(action.code(), p1, UpdateState.GEPUBLICEERD));
			second.add(update(action.code(), p2, UpdateState.GEPUBLICEERD));
			int bucket = n % 5;
			if ((action.delegated() && n % 3 != 0) || bucket == 0) {
				continue;
			}
			UpdateState state = switch (bucket) {
				case 1 -> UpdateState.CONCEPT;
				case 2 -> UpdateState.INGEDIEND;
				case 3 -> UpdateState.GOEDGEKEURD;
				default -> UpdateState.GEPUBLICEERD;
			};
			open.add(update(action.code(), Math.min(100, p2 + random.nextInt(20)), state));
		}
		rounds.add(new Round("Opvolging eerste semester 2026", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 31),
				true, "De rente op nieuwe leningen ligt hoger dan geraamd in het meerjarenplan.",
				"Prijsstijgingen in de bouw verhogen het risico op meerkosten bij grote projecten.", first));
		rounds.add(new Round("Opvolging derde kwartaal 2026", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31),
				true, "Geen gewijzigde veronderstellingen.", "Geen nieuwe financiële risico's.", second));
		rounds.add(new Round("Opvolging najaar 2026", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 20), false,
				null, null, open));
	}

	/**
	 * An update whose status fits its progress: not started at 0 %, finished at 100 %,
	 * otherwise mostly on schedule.
	 */
	private UpdateRow update(String code, int progress, UpdateState state) {
		ItemStatus status;
		if (progress >= 100) {
			status = ItemStatus.AFGEROND;
		}
		else if (progress == 0) {
			status = ItemStatus.NIET_GESTART;
		}
		else {
			int r = random.nextInt(20);
			status = r < 12 ? ItemStatus.OP_SCHEMA : r < 15 ? ItemStatus.VERTRAAGD
					: r < 17 ? ItemStatus.PROBLEEM : r < 19 ? ItemStatus.UITGESTELD : ItemStatus.STOPGEZET;
		}
		return new UpdateRow(code, status, progress, narrative(status),
				status.alarming() ? BOTTLENECKS[random.nextInt(BOTTLENECKS.length)] : null, state);
	}

	private String narrative(ItemStatus status) {
		return switch (status) {
			case OP_SCHEMA -> NARRATIVES[random.nextInt(3)];
			case VERTRAAGD -> NARRATIVES[3];
			case PROBLEEM -> NARRATIVES[4];
			case AFGEROND -> NARRATIVES[5];
			case NIET_GESTART -> "Nog niet gestart; de voorbereiding is gepland.";
			case UITGESTELD -> "Uitgesteld naar een later jaar van de legislatuur.";
			case STOPGEZET -> "Stopgezet na een beslissing van het college.";
		};
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

	private static String lowerFirst(String text) {
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	/** A {@code ;} CSV in UTF-8, as a city's spreadsheet would save it. */
	static byte[] csv(List<String> columns, List<List<String>> rows) {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').build(out)) {
			csv.writeRecord(columns);
			rows.forEach(csv::writeRecord);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
