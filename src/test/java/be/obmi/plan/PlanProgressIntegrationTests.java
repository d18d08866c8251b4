package be.obmi.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's one roll-up rule: the progress of the plan and of each goal is the same
 * number on the public page, the dashboard, the tree, the item page, the council report
 * page and its PDF, for a plan where some actions have no published update (two new
 * actions are added by a plan import, and the demo's open round has published some
 * updates and not others). The expected figures are computed here from the database,
 * independently of {@code PlanTree}: an action counts with its latest published update
 * and is left out without one; an action plan is the mean of its counted actions, a goal
 * of its action plans, the plan of its goals (the demo's weights are all 1).
 */
@ObmiIntegrationTest
class PlanProgressIntegrationTests {

	static final String SLUG = "oostende";

	static final Pattern PERCENT = Pattern.compile("(\\d+) %");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProgressOfThePlanAndOfEachGoalIsOneNumberOnEveryPage() throws IOException {
		Tenant tenant = tenants.require(SLUG);
		PlanHttp redacteur = PlanHttp.as(port, "redacteur." + SLUG);
		String file = """
				code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
				ST01BD01AP01AC99;AC;ST01BD01AP01;Nieuwe actie zonder update;;nee;;;;;
				ST01BD02AP02AC99;AC;ST01BD02AP02;Nog een nieuwe actie zonder update;;ja;;;;;
				""";
		var imported = redacteur.upload("/api/v1/" + SLUG + "/plan/import", "nieuw.csv",
				file.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		Plan plan = plans.current(tenant).orElseThrow();
		List<PlanItem> all = items.all(plan);
		Expected expected = expected(tenant, all);
		assertThat(expected.counted).as("some actions have no published update").isLessThan(expected.actions);
		List<PlanItem> goals = all.stream().filter(i -> i.type() == ItemType.BD).toList();
		String p = "/" + SLUG + "/plan";

		Document publicPage = Jsoup.parse(PlanHttp.anonymous(port).getText(p + "/publiek"));
		Document dashboard = Jsoup.parse(redacteur.getText(p + "/dashboard"));
		Document tree = Jsoup.parse(redacteur.getText(p));
		StatusRound round = rounds.rounds(plan).getFirst();
		Document report = Jsoup.parse(redacteur.getText(p + "/rondes/" + round.id() + "/rapport"));
		String pdf = pdfText(redacteur.get(p + "/rondes/" + round.id() + "/rapport.pdf").body());

		String basis = "op basis van " + expected.counted + " van " + expected.actions
				+ " acties met een gepubliceerde update";
		assertThat(percent(publicPage.selectFirst("main h1 ~ p:contains(voortgang)").text())).isEqualTo(expected.plan);
		assertThat(publicPage.text()).contains(basis);
		assertThat(percent(dashboard.selectFirst(".kpis li:first-child .kpi").text())).isEqualTo(expected.plan);
		assertThat(dashboard.text()).contains(basis);
		assertThat(percent(tree.selectFirst("p.lead").text())).isEqualTo(expected.plan);
		assertThat(tree.text()).contains(basis);
		assertThat(percent(report.selectFirst("#summary-heading ~ table tr td").text())).isEqualTo(expected.plan);
		assertThat(pdf).contains("Voortgang van het hele plan " + expected.plan + " %");

		for (PlanItem goal : goals) {
			Integer value = expected.goals.get(goal.id());
			String what = goal.code() + " should be " + value + " %";
			assertThat(value).as(goal.code()).isNotNull();
			assertThat(percent(publicPage.getElementById("pub-" + goal.code()).select(".progress-cell").text()))
				.as(what + " on the public page")
				.isEqualTo(value);
			Element dashboardRow = dashboard.select("tr:has(td:containsOwn(" + goal.code() + "))").first();
			assertThat(percent(dashboardRow.select(".progress-cell").text())).as(what + " on the dashboard")
				.isEqualTo(value);
			assertThat(percent(tree.getElementById("row-" + goal.id()).select(".progress-cell").text()))
				.as(what + " in the tree")
				.isEqualTo(value);
			Document itemPage = Jsoup.parse(redacteur.getText(p + "/items/" + goal.id()));
			assertThat(percent(itemPage.selectFirst("dl.plan-facts .progress-cell").text()))
				.as(what + " on the item page")
				.isEqualTo(value);
			Element reportItem = report.select("article.report-item:has(h3 span:containsOwn(" + goal.code() + "))")
				.first();
			if (reportItem != null) {
				assertThat(percent(reportItem.select(".progress-cell").text())).as(what + " in the report")
					.isEqualTo(value);
				// the goal's own section: its last mention (the table of contents names
				// it first)
				int at = pdf.lastIndexOf(goal.code() + " " + goal.title());
				assertThat(at).as(goal.code() + " in the PDF").isNotNegative();
				assertThat(percent(pdf.substring(at))).as(what + " in the PDF").isEqualTo(value);
			}
		}
		assertThat(report.select("article.report-item.lvl-bd")).as("goals in the report").isNotEmpty();
	}

	/** The figures by the documented rule, from the database. */
	private Expected expected(Tenant tenant, List<PlanItem> all) {
		Map<Long, Integer> published = new HashMap<>();
		jdbc.sql("""
				select distinct on (u.item_id) u.item_id, u.progress
				from plan.status_update u join plan.status_round r on r.id = u.round_id
				where u.tenant_id = ? and u.state = 'GEPUBLICEERD'
				order by u.item_id, r.reference_date desc, r.id desc""")
			.param(tenant.id())
			.query((rs, n) -> published.put(rs.getLong(1), rs.getInt(2)))
			.list();
		Map<Long, List<PlanItem>> children = new LinkedHashMap<>();
		all.forEach(i -> children.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i));
		Expected expected = new Expected();
		List<Double> goalValues = new ArrayList<>();
		for (PlanItem goal : children.get(null)) {
			List<Double> apValues = new ArrayList<>();
			for (PlanItem ap : children.getOrDefault(goal.id(), List.of())) {
				List<Double> acValues = new ArrayList<>();
				for (PlanItem ac : children.getOrDefault(ap.id(), List.of())) {
					expected.actions++;
					Integer progress = published.get(ac.id());
					if (progress != null) {
						expected.counted++;
						acValues.add(progress.doubleValue());
					}
				}
				mean(acValues).ifPresent(apValues::add);
			}
			OptionalDouble goalValue = mean(apValues);
			goalValue.ifPresent(goalValues::add);
			expected.goals.put(goal.id(), goalValue.isPresent() ? (int) Math.round(goalValue.getAsDouble()) : null);
		}
		expected.plan = (int) Math.round(mean(goalValues).orElseThrow());
		return expected;
	}

	private static OptionalDouble mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average();
	}

	private static int percent(String text) {
		Matcher matcher = PERCENT.matcher(text);
		assertThat(matcher.find()).as("a percentage in: " + text).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	static final class Expected {

		int actions;

		int counted;

		int plan;

		final Map<Long, Integer> goals = new HashMap<>();

	}

}
