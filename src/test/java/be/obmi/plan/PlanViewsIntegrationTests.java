package be.obmi.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.Plans;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, seeing the plan: the dashboard's filters (goal, schepen, department,
 * beleidsveld) narrow its status counts, progress, knelpunten and change since the
 * previous round, and the action list, timeline and map, to the matching actions. The
 * expected figures are computed here from the database (Antwerp's demo plan, read only),
 * independently of {@code PlanTree} and {@code PlanFilter}: the latest submitted update
 * of each action gives its status and bottlenecks; the latest published update (as of a
 * round: that round or earlier) its progress, averaged per action plan, goal and plan
 * over those that have one.
 */
@ObmiIntegrationTest
class PlanViewsIntegrationTests {

	static final String SLUG = "antwerpen";

	static final String P = "/" + SLUG + "/plan";

	static final Pattern NUMBER = Pattern.compile("-?\\+?\\d+");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	JdbcClient jdbc;

	PlanHttp lezer;

	Tenant tenant;

	Plan plan;

	/** An active action of the plan as the database has it. */
	record Action(long id, long goal, long actionPlan, String alderman, String department, String field,
			ItemStatus status, String bottlenecks, String wijk, boolean located) {
	}

	record Round(long id, String name) {
	}

	List<Action> actions;

	@BeforeEach
	void load() {
		lezer = PlanHttp.as(port, "redacteur." + SLUG);
		tenant = tenants.require(SLUG);
		plan = plans.current(tenant).orElseThrow();
		actions = jdbc.sql("""
				with recursive up as (
				  select id, id as goal from plan.plan_item where plan_id = :plan and parent_id is null
				  union all
				  select i.id, up.goal from plan.plan_item i join up on i.parent_id = up.id)
				select i.id, up.goal, i.parent_id, i.political_owner, i.administrative_owner, i.policy_field,
				       l.status, l.bottlenecks, i.wijk, (i.latitude is not null and i.longitude is not null) as located
				from plan.plan_item i join up on up.id = i.id
				left join (select distinct on (u.item_id) u.item_id, u.status, u.bottlenecks
				           from plan.status_update u join plan.status_round r on r.id = u.round_id
				           where r.plan_id = :plan and u.tenant_id = :tenant and u.state <> 'CONCEPT'
				           order by u.item_id, r.reference_date desc, r.id desc) l on l.item_id = i.id
				where i.plan_id = :plan and i.tenant_id = :tenant and i.type = 'AC' and i.archived_at is null
				order by i.id""")
			.param("plan", plan.id())
			.param("tenant", tenant.id())
			.query((rs, n) -> new Action(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7) == null ? null : ItemStatus.valueOf(rs.getString(7)),
					rs.getString(8), rs.getString(9), rs.getBoolean(10)))
			.list();
		assertThat(actions).as("Antwerp's demo plan").hasSizeGreaterThan(20);
	}

	/** The filters to try: none, each on its own, and two together. */
	Map<String, Predicate<Action>> filters() {
		Action first = actions.getFirst();
		Action last = actions.getLast();
		Map<String, Predicate<Action>> filters = new LinkedHashMap<>();
		filters.put("", a -> true);
		filters.put("goal=" + last.goal(), a -> a.goal() == last.goal());
		filters.put("alderman=" + enc(first.alderman()), a -> first.alderman().equals(a.alderman()));
		filters.put("department=" + enc(first.department()), a -> first.department().equals(a.department()));
		filters.put("field=" + enc(first.field()), a -> first.field().equals(a.field()));
		filters.put("alderman=" + enc(last.alderman()) + "&field=" + enc(last.field()),
				a -> last.alderman().equals(a.alderman()) && last.field().equals(a.field()));
		return filters;
	}

	@Test
	void theFiltersNarrowTheStatusCountsProgressAndKnelpunten() {
		int narrowed = 0;
		for (Map.Entry<String, Predicate<Action>> filter : filters().entrySet()) {
			List<Action> selected = actions.stream().filter(filter.getValue()).toList();
			String query = filter.getKey();
			Document dashboard = Jsoup.parse(lezer.getText(P + "/dashboard?" + query));
			for (ItemStatus status : ItemStatus.values()) {
				long expected = selected.stream().filter(a -> a.status() == status).count();
				Element tile = dashboard.getElementById("tile-" + status.name().toLowerCase());
				assertThat(number(tile.selectFirst(".kpi").text())).as(status + " with " + query).isEqualTo(expected);
				String href = tile.selectFirst(".kpi a").attr("href");
				assertThat(href).as("the tile leads to the list").contains("/plan/acties").contains("status=" + status);
				Document list = Jsoup.parse(lezer.getText(href));
				assertThat(number(list.getElementById("action-count").text())).as(href).isEqualTo(expected);
			}
			assertThat(percentOrNull(dashboard.selectFirst(".kpis li:first-child .kpi").text()))
				.as("progress with " + query)
				.isEqualTo(progress(selected, publishedProgress(null)));
			List<Action> knelpunten = selected.stream()
				.filter(a -> a.status() == ItemStatus.PROBLEEM || a.status() == ItemStatus.VERTRAAGD)
				.toList();
			assertThat(knelpunten.size()).as("fewer than the dashboard's maximum").isLessThanOrEqualTo(100);
			if (query.isEmpty()) {
				assertThat(knelpunten).as("the demo reports delays and problems").isNotEmpty();
				assertThat(knelpunten).as("some with their bottlenecks").anyMatch(a -> a.bottlenecks() != null);
			}
			assertThat(dashboard.select("#knelpunten tbody tr").eachAttr("id")).as("knelpunten with " + query)
				.containsExactlyInAnyOrderElementsOf(knelpunten.stream().map(a -> "knelpunt-" + a.id()).toList());
			for (Action a : knelpunten) {
				assertThat(dashboard.getElementById("knelpunt-" + a.id()).selectFirst(".bottleneck-text").text())
					.isEqualTo(a.bottlenecks() == null ? "—" : a.bottlenecks().strip().replaceAll("\\s+", " "));
			}
			if (selected.size() < actions.size()) {
				narrowed++;
			}
		}
		assertThat(narrowed).as("the filters narrow the selection").isEqualTo(filters().size() - 1);
	}

	@Test
	void theChangeSinceThePreviousRoundComparesTheLatestTwoPublishedRounds() {
		List<Round> published = jdbc.sql("""
				select r.id, r.name from plan.status_round r
				where r.plan_id = ? and r.tenant_id = ? and exists (select 1 from plan.status_update u
				  where u.round_id = r.id and u.state = 'GEPUBLICEERD')
				order by r.reference_date desc, r.id desc""")
			.params(plan.id(), tenant.id())
			.query((rs, n) -> new Round(rs.getLong(1), rs.getString(2)))
			.list();
		assertThat(published).as("the demo has at least two rounds with published updates").hasSizeGreaterThan(1);
		Round latest = published.get(0);
		Round previous = published.get(1);
		Map<Long, Object[]> now = publishedAsOf(latest);
		Map<Long, Object[]> before = publishedAsOf(previous);
		for (Map.Entry<String, Predicate<Action>> filter : filters().entrySet()) {
			List<Action> selected = actions.stream().filter(filter.getValue()).toList();
			Document dashboard = Jsoup.parse(lezer.getText(P + "/dashboard?" + filter.getKey()));
			assertThat(dashboard.selectFirst("#change caption").text()).contains(previous.name(), latest.name());
			for (ItemStatus status : ItemStatus.values()) {
				long was = selected.stream()
					.filter(a -> before.containsKey(a.id()) && before.get(a.id())[0] == status)
					.count();
				long is = selected.stream()
					.filter(a -> now.containsKey(a.id()) && now.get(a.id())[0] == status)
					.count();
				List<Element> cells = dashboard.getElementById("change-" + status.name().toLowerCase()).select("td");
				String what = status + " with " + filter.getKey();
				assertThat(number(cells.get(0).text())).as(what + " before").isEqualTo(was);
				assertThat(number(cells.get(1).text())).as(what + " now").isEqualTo(is);
				assertThat(number(cells.get(2).text())).as(what + " difference").isEqualTo(is - was);
			}
			Integer progressNow = progress(selected, progressOf(now));
			Integer progressBefore = progress(selected, progressOf(before));
			List<Element> cells = dashboard.getElementById("change-progress").select("td");
			assertThat(percentOrNull(cells.get(0).text())).isEqualTo(progressBefore);
			assertThat(percentOrNull(cells.get(1).text())).isEqualTo(progressNow);
			if (progressNow != null && progressBefore != null) {
				assertThat(number(cells.get(2).text())).isEqualTo(progressNow - progressBefore);
			}
		}
	}

	@Test
	void theTimelineAndTheMapShowTheMatchingActions() {
		Action last = actions.getLast();
		Set<Long> selected = actions.stream()
			.filter(a -> a.goal() == last.goal())
			.map(Action::id)
			.collect(Collectors.toSet());
		Document timeline = Jsoup.parse(lezer.getText(P + "/tijdlijn?goal=" + last.goal()));
		assertThat(timeline.select("#timeline-table tbody tr.tl-action")).hasSize(selected.size());
		long releases = releasesOf(selected);
		assertThat(timeline.select("#timeline-table tbody tr.tl-release")).hasSize((int) releases);
		assertThat(timeline.select("svg#timeline-chart rect.tl-bar").size()).isLessThanOrEqualTo(selected.size());

		Document map = Jsoup.parse(lezer.getText(P + "/kaart"));
		long located = actions.stream().filter(a -> a.located() || (a.wijk() != null && !a.wijk().isBlank())).count();
		assertThat(located).as("the demo places some actions in a wijk").isPositive();
		assertThat(map.select("#map-list tbody tr")).hasSize((int) located);
		assertThat(map.getElementById("plan-map").attr("data-points")).contains("\"wijk\"");
	}

	@Test
	void aFilterThatCannotBeReadIsRefusedWithAMessage() {
		var response = lezer.get(P + "/dashboard?status=BIJNA&goal=abc");
		assertThat(response.statusCode()).isEqualTo(400);
		String page = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("De filters konden niet gelezen worden");
	}

	private long releasesOf(Set<Long> items) {
		return jdbc.sql("select item_id from plan.release where tenant_id = ? and archived_at is null")
			.param(tenant.id())
			.query((rs, n) -> rs.getLong(1))
			.list()
			.stream()
			.filter(items::contains)
			.count();
	}

	/**
	 * The latest published update per action as of a round (or now): status and progress.
	 */
	private Map<Long, Object[]> publishedAsOf(Round round) {
		Map<Long, Object[]> out = new HashMap<>();
		jdbc.sql(
				"""
						select distinct on (u.item_id) u.item_id, u.status, u.progress
						from plan.status_update u join plan.status_round r on r.id = u.round_id
						where r.plan_id = :plan and u.tenant_id = :tenant and u.state = 'GEPUBLICEERD'
						  and (cast(:round as bigint) is null or r.reference_date < (select reference_date from plan.status_round where id = :round)
						       or r.id = :round)
						order by u.item_id, r.reference_date desc, r.id desc""")
			.param("plan", plan.id())
			.param("tenant", tenant.id())
			.param("round", round == null ? null : round.id())
			.query((rs, n) -> out.put(rs.getLong(1),
					new Object[] { ItemStatus.valueOf(rs.getString(2)), rs.getInt(3) }))
			.list();
		return out;
	}

	private Map<Long, Integer> publishedProgress(Round round) {
		return progressOf(publishedAsOf(round));
	}

	private static Map<Long, Integer> progressOf(Map<Long, Object[]> updates) {
		Map<Long, Integer> out = new HashMap<>();
		updates.forEach((id, u) -> out.put(id, (Integer) u[1]));
		return out;
	}

	/**
	 * The rule, written out: the mean of the counted actions per action plan, of those
	 * per goal, of those for the selection (the demo's weights are all 1).
	 */
	private static Integer progress(List<Action> selected, Map<Long, Integer> published) {
		Map<Long, Map<Long, List<Double>>> byGoal = new LinkedHashMap<>();
		for (Action a : selected) {
			Map<Long, List<Double>> plans = byGoal.computeIfAbsent(a.goal(), k -> new LinkedHashMap<>());
			List<Double> values = plans.computeIfAbsent(a.actionPlan(), k -> new ArrayList<>());
			if (published.containsKey(a.id())) {
				values.add(published.get(a.id()).doubleValue());
			}
		}
		List<Double> goals = new ArrayList<>();
		for (Map<Long, List<Double>> plans : byGoal.values()) {
			List<Double> planValues = new ArrayList<>();
			plans.values().forEach(v -> mean(v).ifPresent(planValues::add));
			mean(planValues).ifPresent(goals::add);
		}
		OptionalDouble all = mean(goals);
		return all.isPresent() ? (int) Math.round(all.getAsDouble()) : null;
	}

	private static OptionalDouble mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average();
	}

	private static long number(String text) {
		Matcher matcher = NUMBER.matcher(text.replace("−", "-"));
		assertThat(matcher.find()).as("a number in: " + text).isTrue();
		return Long.parseLong(matcher.group().replace("+", ""));
	}

	private static Integer percentOrNull(String text) {
		Matcher matcher = Pattern.compile("(-?\\d+) %").matcher(text);
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}

	private static String enc(String value) {
		return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
	}

}
