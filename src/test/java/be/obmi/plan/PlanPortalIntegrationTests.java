package be.obmi.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public plan portal shows only what is published: concept, submitted and approved
 * updates, a remark of a sent-back update and the user names of contributors and
 * approvers never appear on any of its pages (overview, search, goal, action, map); an
 * action without a published update has no page. Another tenant's items do not appear,
 * and their ids under this tenant's address are not found (404). The overview's figures
 * come from the one roll-up rule.
 */
@ObmiIntegrationTest
class PlanPortalIntegrationTests {

	static final String SLUG = "vgc";

	static final String OTHER = "sint-niklaas";

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

	PlanHttp anonymous() {
		return PlanHttp.anonymous(port);
	}

	/**
	 * Every page of the portal of a tenant an anonymous visitor can reach, with its HTML.
	 */
	Map<String, String> portalPages(String slug, Plan plan, String... queries) {
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		String p = "/" + slug + "/plan/publiek";
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		List<String> paths = new ArrayList<>(List.of(p, p + "/kaart"));
		for (String q : queries) {
			paths.add(p + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		}
		tree.roots()
			.stream()
			.filter(g -> g.countedActions() > 0)
			.forEach(g -> paths.add(p + "/doelen/" + g.item().id()));
		tree.flatten()
			.stream()
			.filter(n -> n.item().type() == ItemType.AC && n.published() != null)
			.forEach(n -> paths.add(p + "/acties/" + n.item().id()));
		for (String path : paths) {
			var response = anonymous().get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			pages.put(path, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
		}
		return pages;
	}

	@Test
	void unpublishedUpdatesRemarksAndUserNamesNeverAppear() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		StatusRound open = rounds.rounds(plan).stream().filter(StatusRound::open).findFirst().orElseThrow();
		Map<Long, StatusUpdate> published = rounds.latest(plan, true);
		List<StatusRounds.Task> fresh = rounds.tasks(tenant, open)
			.stream()
			.filter(t -> t.update() == null && published.containsKey(t.item().id()))
			.toList();
		assertThat(fresh).as("open tasks of actions with an earlier published update").hasSizeGreaterThanOrEqualTo(3);
		String editor = "redacteur." + SLUG;
		StatusRounds.Task concept = fresh.get(0);
		rounds.save(
				tenant, open.id(), concept.item().id(), new StatusUpdateForm(ItemStatus.PROBLEEM, 13,
						"Portaaltest-concept Kwartelkoning", "Portaaltest-knelpunt", null, -1),
				false, "bijdrager." + SLUG);
		StatusRounds.Task approved = fresh.get(1);
		StatusUpdate submitted = rounds.save(tenant, open.id(), approved.item().id(),
				new StatusUpdateForm(ItemStatus.AFGEROND, 100, "Portaaltest-goedgekeurd Kwartelkoning", null, null, -1),
				true, "bijdrager." + SLUG);
		rounds.approve(tenant, submitted.id(), editor);
		StatusRounds.Task returned = fresh.get(2);
		StatusUpdate sent = rounds.save(tenant, open.id(), returned.item().id(),
				new StatusUpdateForm(ItemStatus.VERTRAAGD, 20, "Portaaltest-teruggestuurd Kwartelkoning", null, null,
						-1),
				true, "bijdrager." + SLUG);
		rounds.sendBack(tenant, sent.id(), "Portaaltest-opmerking intern");

		Map<String, String> pages = portalPages(SLUG, plan, "Kwartelkoning", "Portaaltest");
		List<String> userNames = new ArrayList<>(List.of(editor, "bijdrager." + SLUG, "beheerder." + SLUG));
		items.all(plan).stream().map(PlanItem::contributor).filter(Objects::nonNull).forEach(userNames::add);
		pages.forEach((path, html) -> {
			// the text of the page and its links and ids (a search term is repeated in
			// its box)
			assertThat(Jsoup.parse(html).text()).as(path)
				.doesNotContain("Portaaltest-concept", "Portaaltest-goedgekeurd", "Portaaltest-teruggestuurd",
						"Portaaltest-knelpunt", "Portaaltest-opmerking", "Kwartelkoning");
			for (String user : userNames) {
				assertThat(html).as(path + " names " + user).doesNotContainIgnoringCase(user);
			}
		});
		// the actions' pages still show their earlier published status, not the newer one
		for (StatusRounds.Task task : fresh.subList(0, 3)) {
			Document page = Jsoup.parse(pages.get("/" + SLUG + "/plan/publiek/acties/" + task.item().id()));
			String narrative = published.get(task.item().id()).narrative();
			if (narrative != null) {
				assertThat(page.select("#portal-updates").text()).contains(narrative.strip());
			}
			assertThat(page.select("#action-facts").text()).contains(published.get(task.item().id()).roundName());
		}
	}

	@Test
	void anActionWithoutPublishedUpdateHasNoPublicPage() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem actionPlan = items.all(plan).stream().filter(i -> i.type() == ItemType.AP).findFirst().orElseThrow();
		String file = String.join(";", be.obmi.plan.importing.PlanExport.COLUMNS) + "\n" + "PORTAAL-AC1;AC;"
				+ actionPlan.code() + ";Portaaltest nieuwe actie Grutto;Nog niet gepubliceerd;nee;;;;;\n";
		var imported = PlanHttp.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import", "nieuw.csv",
					file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).isEqualTo(200);
		PlanItem unpublished = items.byCode(plan, "PORTAAL-AC1").orElseThrow();
		String p = "/" + SLUG + "/plan/publiek";
		assertThat(anonymous().get(p + "/acties/" + unpublished.id()).statusCode()).isEqualTo(404);
		String found = anonymous().getText(p + "?q=Grutto");
		assertThat(Jsoup.parse(found).text()).doesNotContain("Grutto").contains("Gevonden acties: 0");
		assertThat(found).doesNotContain("PORTAAL-AC1", "/acties/" + unpublished.id() + "\"");
		assertThat(anonymous().getText(p)).doesNotContain("PORTAAL-AC1", "Grutto");
		assertThat(anonymous().getText(p + "/doelen/" + actionPlan.parentId())).doesNotContain("PORTAAL-AC1", "Grutto");
	}

	@Test
	void anotherTenantsItemsDoNotAppearAndTheirIdsAreNotFound() {
		Tenant other = tenants.require(OTHER);
		Plan otherPlan = plans.current(other).orElseThrow();
		Map<Long, StatusUpdate> published = rounds.latest(otherPlan, true);
		PlanItem action = items.all(otherPlan)
			.stream()
			.filter(i -> i.type() == ItemType.AC && published.containsKey(i.id()))
			.findFirst()
			.orElseThrow();
		PlanItem goal = items.all(otherPlan).stream().filter(i -> i.type() == ItemType.BD).findFirst().orElseThrow();
		PlanItemForm form = PlanItemForm.of(action);
		String unique = "Zwaluwnesten Portaalisolatie";
		items.update(other, action.id(),
				new PlanItemForm(unique, form.description(), form.priority(), form.policyField(), form.politicalOwner(),
						form.administrativeOwner(), form.contributor(), form.startDate(), form.endDate(), form.tags(),
						form.wijk(), form.latitude(), form.longitude(), form.weight(), form.version()));
		try {
			// the other tenant's own portal shows and finds it
			assertThat(anonymous().getText("/" + OTHER + "/plan/publiek?q=zwaluwnesten")).contains(unique);
			assertThat(anonymous().getText("/" + OTHER + "/plan/publiek/acties/" + action.id())).contains(unique);
			// this tenant's portal does not, and the other tenant's ids are not found
			// here
			Plan plan = plans.current(tenants.require(SLUG)).orElseThrow();
			portalPages(SLUG, plan, "Zwaluwnesten", "zwaluwnesten portaalisolatie")
				.forEach((path, html) -> assertThat(html).as(path).doesNotContain(unique));
			String p = "/" + SLUG + "/plan/publiek";
			assertThat(anonymous().get(p + "/acties/" + action.id()).statusCode()).isEqualTo(404);
			assertThat(anonymous().get(p + "/doelen/" + goal.id()).statusCode()).isEqualTo(404);
			assertThat(anonymous().get(p + "/acties/999999999").statusCode()).isEqualTo(404);
			assertThat(anonymous().get(p + "/doelen/" + action.id()).statusCode()).isEqualTo(404);
		}
		finally {
			PlanItem renamed = items.byId(other, action.id()).orElseThrow();
			items.update(other, action.id(),
					new PlanItemForm(action.title(), form.description(), form.priority(), form.policyField(),
							form.politicalOwner(), form.administrativeOwner(), form.contributor(), form.startDate(),
							form.endDate(), form.tags(), form.wijk(), form.latitude(), form.longitude(), form.weight(),
							renamed.version()));
		}
	}

	@Test
	void theSearchIgnoresCaseAndAccentsAndTheFiltersCombine() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		PlanTree.Node action = tree.flatten()
			.stream()
			.filter(n -> n.item().type() == ItemType.AC && n.published() != null)
			.findFirst()
			.orElseThrow();
		String word = java.util.Arrays.stream(action.item().title().split("\\s+"))
			.filter(w -> w.length() > 5)
			.findFirst()
			.orElseThrow();
		String p = "/" + SLUG + "/plan/publiek";
		String query = java.text.Normalizer
			.normalize(word.toUpperCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		Document found = Jsoup.parse(anonymous()
			.getText(p + "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(found.getElementById("pub-" + action.item().code())).as(query).isNotNull();
		// combined with another goal: nothing of this action
		long otherGoal = tree.roots()
			.stream()
			.filter(g -> g != tree.goalOf(action) && g.countedActions() > 0)
			.findFirst()
			.orElseThrow()
			.item()
			.id();
		Document none = Jsoup.parse(anonymous().getText(p + "?doel=" + otherGoal + "&q="
				+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(none.getElementById("pub-" + action.item().code())).isNull();
		// by status: every row has that status
		ItemStatus status = action.published().status();
		Document byStatus = Jsoup.parse(anonymous().getText(p + "?status=" + status.name()));
		assertThat(byStatus.select("table.portal-actions tbody tr")).isNotEmpty()
			.allSatisfy(row -> assertThat(row.select(".status-badge").text())
				.isEqualTo(byStatus.select("table.portal-actions tbody tr .status-badge").first().text()));
		assertThat(byStatus.getElementById("pub-" + action.item().code())).isNotNull();
		// a wildcard is taken literally
		assertThat(Jsoup.parse(anonymous().getText(p + "?q=%25")).select("table.portal-actions tbody tr")).isEmpty();
		// an unknown status: a message, all actions
		var bad = anonymous().get(p + "?status=GEEN");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("ongeldige waarde");
	}

	@Test
	void theOverviewShowsTheOneRollUpWithItsBasisAndTheLatestPublication() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		Document page = Jsoup.parse(anonymous().getText("/" + SLUG + "/plan/publiek"));
		assertThat(page.text()).contains("op basis van " + tree.countedActions() + " van " + tree.actionCount()
				+ " acties met een gepubliceerde update");
		for (PlanTree.Node goal : tree.roots()) {
			if (goal.countedActions() == 0) {
				assertThat(page.getElementById("pub-" + goal.item().code())).isNull();
				continue;
			}
			assertThat(page.getElementById("pub-" + goal.item().code()).text()).contains(goal.progress() + " %",
					"op basis van " + goal.countedActions() + " van " + goal.actionCount());
		}
		assertThat(page.getElementById("last-published").text()).matches(".*\\d{2}/\\d{2}/\\d{4}.*");
	}

}
