package be.obmi.plan.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.Plans;
import be.obmi.tenancy.Tenant;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import java.sql.Timestamp;

/**
 * Gives every tenant without a plan a plausible Dutch demo plan 2026–2031 (8 goals, 32
 * action plans, 128 actions, indicators with targets and measurements, releases, two
 * closed rounds and one open round), the same for the same tenant on every start. Runs
 * only with {@code obmi.demo.enabled=true}; the plan is marked as demo.
 * <p>
 * Over 300 lines because most of it is the demo plan's text (goals, action plans and
 * their wording), which is data, not logic.
 */
@Component
class DemoPlan implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

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

	/**
	 * The real wijken of a municipality (at most 12), from Stad in cijfers' reference
	 * areas; the generic names when the municipality has none (the VGC).
	 */
	private String[] wijken(String nisCode) {
		List<String> names = areaNames.wijken(nisCode);
		return names.isEmpty() ? WIJKEN : names.stream().limit(12).toArray(String[]::new);
	}

	private final AreaNames areaNames;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Tenants tenants;

	private final Plans plans;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	DemoPlan(JdbcClient jdbc, JdbcTemplate template, Tenants tenants, Plans plans, AuditTrail audit,
			TransactionTemplate transaction, AreaNames areaNames, @Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.areaNames = areaNames;
		this.jdbc = jdbc;
		this.template = template;
		this.tenants = tenants;
		this.plans = plans;
		this.audit = audit;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		long start = System.nanoTime();
		int made = 0;
		for (Tenant tenant : tenants.all()) {
			if (plans.current(tenant).isEmpty()) {
				transaction.executeWithoutResult(status -> create(tenant));
				made++;
			}
		}
		if (made > 0) {
			log.info("Demo plans made for {} tenants in {} ms", made, (System.nanoTime() - start) / 1_000_000);
		}
	}

	void create(Tenant tenant) {
		Random random = new Random(tenant.slug().hashCode());
		Plan plan = plans.create(tenant.id(), "Meerjarenplan 2026–2031", 2026, 2031, true);
		long t = tenant.id();
		String contributor = "bijdrager." + tenant.slug();
		String[] wijken = wijken(tenant.nisCode());
		List<long[]> actions = new ArrayList<>();
		List<long[]> commitmentLinks = new ArrayList<>();
		List<Long> actionPlans = new ArrayList<>();
		int sort = 0;
		for (int g = 0; g < GOALS.size(); g++) {
			Goal goal = GOALS.get(g);
			String bd = "ST01BD%02d".formatted(g + 1);
			long goalId = insertItem(t, plan.id(), null, "BD", bd, goal.title(),
					"Beleidsdoelstelling " + (g + 1) + " van het meerjarenplan: " + goal.title().toLowerCase() + ".",
					goal.field(), goal.owner(), goal.department(), null, LocalDate.of(2026, 1, 1),
					LocalDate.of(2031, 12, 31), null, ++sort);
			String[] linked = CONTEXT[g % CONTEXT.length];
			jdbc.sql(
					"""
							insert into plan.indicator (tenant_id, item_id, code, name, kind, value_type, unit, direction, stats_code)
							values (?, ?, ?, ?, 'CONTEXT', 'NUMBER', ?, 'NONE', ?)""")
				.params(t, goalId, "CI%02d".formatted(g + 1), linked[1], linked[2], linked[0])
				.update();
			for (int a = 0; a < goal.plans().size(); a++) {
				ActionPlan ap = goal.plans().get(a);
				String apCode = bd + "AP%02d".formatted(a + 1);
				long apId = insertItem(t, plan.id(), goalId, "AP", apCode, ap.title(), null, ap.field(), goal.owner(),
						goal.department(), null, LocalDate.of(2026, 1, 1), LocalDate.of(2031, 12, 31), null, ++sort);
				actionPlans.add(apId);
				if (a % 2 == 0) {
					long commitment = jdbc.sql(
							"insert into plan.commitment (tenant_id, plan_id, code, title) values (?, ?, ?, ?) returning id")
						.params(t, plan.id(), "BA%02d.%d".formatted(g + 1, a / 2 + 1),
								"Tegen 2031: " + lowerFirst(ap.title()))
						.query(Long.class)
						.single();
					commitmentLinks.add(new long[] { commitment, apId });
				}
				for (int c = 0; c < ACTIONS.size(); c++) {
					String acCode = apCode + "AC%02d".formatted(c + 1);
					boolean priority = (g + a + c) % 5 == 0;
					int startYear = 2026 + random.nextInt(3);
					String owner = (g * 16 + a * 4 + c) % 6 == 1 ? contributor : null;
					long id = insertItem(t, plan.id(), apId, "AC", acCode, ACTIONS.get(c).formatted(ap.subject()),
							c == 2 ? "Concreet: " + ap.subject() + " in " + wijken[random.nextInt(wijken.length)]
									+ " en omgeving." : null,
							ap.field(), goal.owner(), goal.department() + " – team " + (c + 1), owner,
							LocalDate.of(startYear, 1 + random.nextInt(12), 1),
							LocalDate.of(startYear + 1 + random.nextInt(4), 12, 31),
							c == 2 ? wijken[random.nextInt(wijken.length)] : null, ++sort);
					if (priority) {
						jdbc.sql("update plan.plan_item set priority = true where id in (?, ?, ?)")
							.params(id, apId, goalId)
							.update();
					}
					actions.add(new long[] { id, priority ? 1 : 0, owner == null ? 0 : 1 });
					if (a % 2 == 0 && c < 2) {
						commitmentLinks.add(new long[] { commitmentLinks.getLast()[0], id });
					}
					if (priority) {
						jdbc.sql("insert into plan.project (tenant_id, item_id, name, description) values (?, ?, ?, ?)")
							.params(t, id, "Uitvoeringsproject " + ap.subject(),
									"Projectteam van " + goal.department() + ".")
							.update();
					}
				}
			}
		}
		template.batchUpdate("insert into plan.commitment_item (tenant_id, commitment_id, item_id) values (?, ?, ?)",
				commitmentLinks.stream().map(l -> new Object[] { t, l[0], l[1] }).toList());
		indicators(t, actionPlans, actions, random);
		releases(t, actions, random);
		rounds(t, plan, actions, random);
		template.update("update plan.plan set current_version = 1 where id = ?", plan.id());
		template.update("""
				insert into plan.plan_version (tenant_id, plan_id, number, label, created_by, created_count, snapshot)
				values (?, ?, 1, 'Demoplan', 'systeem', ?, '')""", t, plan.id(), sort);
		audit.created(t, "meerjarenplan", String.valueOf(plan.id()), plan.name(),
				List.of(FieldChange.added("demo", "demoplan met " + sort + " items, indicatoren en 3 rondes")));
	}

	private long insertItem(long tenantId, long planId, Long parentId, String type, String code, String title,
			String description, String field, String political, String administrative, String contributor,
			LocalDate start, LocalDate end, String wijk, int sort) {
		return jdbc.sql("""
				insert into plan.plan_item (tenant_id, plan_id, parent_id, type, code, title, description, policy_field,
				  political_owner, administrative_owner, contributor, start_date, end_date, wijk, sort_order)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenantId, planId, parentId, type, code, title, description, field, political, administrative,
					contributor, start, end, wijk, sort)
			.query(Long.class)
			.single();
	}

	private void indicators(long t, List<Long> actionPlans, List<long[]> actions, Random random) {
		List<Object[]> targets = new ArrayList<>();
		List<Object[]> measurements = new ArrayList<>();
		int n = 0;
		for (long apId : actionPlans) {
			n++;
			boolean lower = n % 3 == 0;
			double baseline = 20 + random.nextInt(60);
			long id = indicator(t, apId, "EI" + n,
					lower ? "Aandeel inwoners dat overlast ervaart" : "Tevredenheid van inwoners", "EFFECT", "NUMBER",
					"%", lower ? "LOWER" : "HIGHER", baseline);
			for (int year = 2026; year <= 2031; year++) {
				double step = (year - 2025) * 2.5;
				targets.add(new Object[] { t, id, year, round(lower ? baseline - step : baseline + step) });
			}
			for (int year = 2023; year <= 2026; year++) {
				double drift = (year - 2023) * (1 + random.nextDouble() * 2);
				measurements.add(new Object[] { t, id, LocalDate.of(year, 6, 30),
						round(lower ? baseline - drift : baseline + drift), "Stadsmonitor " + year, null });
			}
		}
		for (long[] action : actions) {
			if (action[1] == 0) {
				continue;
			}
			n++;
			long id = indicator(t, action[0], "OI" + n, "Aantal gerealiseerde deelprojecten", "OUTPUT", "NUMBER",
					"aantal", "HIGHER", 0);
			for (int year = 2026; year <= 2031; year++) {
				targets.add(new Object[] { t, id, year, BigDecimal.valueOf((year - 2025) * 2L) });
			}
			measurements.add(new Object[] { t, id, LocalDate.of(2026, 6, 30), BigDecimal.valueOf(random.nextInt(3)),
					"Eigen registratie", null });
			measurements.add(new Object[] { t, id, LocalDate.of(2026, 9, 30), BigDecimal.valueOf(1 + random.nextInt(3)),
					"Eigen registratie", null });
			if (n % 4 == 0) {
				long text = indicator(t, action[0], "TI" + n, "Stappenplan", "OUTPUT", "TEXT", null, "NONE", null);
				jdbc.sql(
						"insert into plan.indicator_target (tenant_id, indicator_id, year, text_target) values (?, ?, 2027, 'Stap 4: uitvoering')")
					.params(t, text)
					.update();
				jdbc.sql(
						"insert into plan.measurement (tenant_id, indicator_id, measured_on, text_value, source) values (?, ?, '2026-09-30', 'Stap 2: ontwerp goedgekeurd', 'Projectteam')")
					.params(t, text)
					.update();
			}
		}
		template.batchUpdate(
				"insert into plan.indicator_target (tenant_id, indicator_id, year, target) values (?, ?, ?, ?)",
				targets);
		template.batchUpdate(
				"insert into plan.measurement (tenant_id, indicator_id, measured_on, value, source, comment) values (?, ?, ?, ?, ?, ?)",
				measurements);
	}

	private long indicator(long t, long itemId, String code, String name, String kind, String valueType, String unit,
			String direction, Double baseline) {
		return jdbc.sql("""
				insert into plan.indicator (tenant_id, item_id, code, name, kind, value_type, unit, direction, baseline)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(t, itemId, code, name, kind, valueType, unit, direction, baseline == null ? null : round(baseline))
			.query(Long.class)
			.single();
	}

	private long indicator(long t, long itemId, String code, String name, String kind, String valueType, String unit,
			String direction, double baseline) {
		return indicator(t, itemId, code, name, kind, valueType, unit, direction, Double.valueOf(baseline));
	}

	private void releases(long t, List<long[]> actions, Random random) {
		List<Object[]> rows = new ArrayList<>();
		int n = 0;
		for (long[] action : actions) {
			if (++n % 2 != 0) {
				continue;
			}
			LocalDate planned = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(900));
			boolean done = planned.isBefore(LocalDate.of(2026, 6, 1)) && random.nextBoolean();
			rows.add(new Object[] { t, action[0], n % 4 == 0 ? "Oplevering ontwerp" : "Start uitvoering", planned,
					done ? planned.plusDays(random.nextInt(30)) : null, done ? "GEREALISEERD" : "GEPLAND" });
		}
		template.batchUpdate(
				"insert into plan.release (tenant_id, item_id, title, planned_date, actual_date, status) values (?, ?, ?, ?, ?, ?)",
				rows);
	}

	private void rounds(long t, Plan plan, List<long[]> actions, Random random) {
		String manager = "redacteur.demo";
		long first = round(t, plan, "Opvolging eerste semester 2026", LocalDate.of(2026, 6, 30),
				LocalDate.of(2026, 7, 31), "CLOSED",
				"De rente op nieuwe leningen ligt hoger dan geraamd in het meerjarenplan.",
				"Prijsstijgingen in de bouw verhogen het risico op meerkosten bij grote projecten.");
		long second = round(t, plan, "Opvolging derde kwartaal 2026", LocalDate.of(2026, 9, 30),
				LocalDate.of(2026, 10, 31), "CLOSED", "Geen gewijzigde veronderstellingen.",
				"Geen nieuwe financiële risico's.");
		long open = round(t, plan, "Opvolging najaar 2026", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 20),
				"OPEN", null, null);
		List<Object[]> items = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		ItemStatus[] statuses = ItemStatus.values();
		int n = 0;
		for (long[] action : actions) {
			n++;
			for (long round : new long[] { first, second, open }) {
				items.add(new Object[] { t, round, action[0] });
			}
			int p1 = 5 + random.nextInt(30);
			int p2 = random.nextInt(12) == 0 ? 100 : Math.min(95, p1 + 5 + random.nextInt(30));
			ItemStatus s1 = pick(statuses, random, p1);
			ItemStatus s2 = pick(statuses, random, p2);
			updates.add(update(t, first, action[0], s1, p1, random, "GEPUBLICEERD", manager));
			updates.add(update(t, second, action[0], s2, p2, random, "GEPUBLICEERD", manager));
			boolean contributorTask = action[2] == 1;
			int bucket = n % 5;
			if (contributorTask && n % 3 != 0) {
				continue;
			}
			if (bucket == 0) {
				continue;
			}
			String state = bucket == 1 ? "CONCEPT"
					: bucket == 2 ? "INGEDIEND" : bucket == 3 ? "GOEDGEKEURD" : "GEPUBLICEERD";
			int p3 = Math.min(100, p2 + random.nextInt(20));
			updates.add(update(t, open, action[0], pick(statuses, random, p3), p3, random, state, manager));
		}
		template.batchUpdate("insert into plan.round_item (tenant_id, round_id, item_id) values (?, ?, ?)", items);
		template.batchUpdate(
				"""
						insert into plan.status_update (tenant_id, round_id, item_id, status, progress, narrative, bottlenecks, next_steps,
						  state, author, submitted_at, approved_by, approved_at, published_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				updates);
	}

	private long round(long t, Plan plan, String name, LocalDate reference, LocalDate deadline, String state,
			String assumptions, String risks) {
		return jdbc
			.sql("""
					insert into plan.status_round (tenant_id, plan_id, name, reference_date, deadline, scope, state,
					  changed_assumptions, changed_risks, opened_by, closed_at)
					values (?, ?, ?, ?, ?, 'ALL', ?, ?, ?, 'systeem', case when ? = 'CLOSED' then now() end) returning id""")
			.params(t, plan.id(), name, reference, deadline, state, assumptions, risks, state)
			.query(Long.class)
			.single();
	}

	private static ItemStatus pick(ItemStatus[] statuses, Random random, int progress) {
		if (progress >= 100) {
			return ItemStatus.AFGEROND;
		}
		int r = random.nextInt(20);
		return r < 11 ? ItemStatus.OP_SCHEMA : r < 14 ? ItemStatus.VERTRAAGD : r < 16 ? ItemStatus.PROBLEEM
				: r < 18 ? ItemStatus.NIET_GESTART : r < 19 ? ItemStatus.UITGESTELD : ItemStatus.STOPGEZET;
	}

	private static Object[] update(long t, long round, long item, ItemStatus status, int progress, Random random,
			String state, String manager) {
		boolean problem = status.alarming();
		Timestamp now = new Timestamp(System.currentTimeMillis());
		boolean submitted = !"CONCEPT".equals(state);
		boolean approved = "GOEDGEKEURD".equals(state) || "GEPUBLICEERD".equals(state);
		return new Object[] { t, round, item, status.name(), progress, narrative(status, random),
				problem ? BOTTLENECKS[random.nextInt(BOTTLENECKS.length)] : null,
				"Volgende stap: verdere uitvoering en rapportering.", state, "bijdrager (demo)", submitted ? now : null,
				approved ? manager : null, approved ? now : null, "GEPUBLICEERD".equals(state) ? now : null };
	}

	private static String narrative(ItemStatus status, Random random) {
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

	private static String lowerFirst(String text) {
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

}
